/** Many enterprises' devices in one process, driven by their twins, against a platform over TCP. */
package io.pollwatt.emulator.fleet;
