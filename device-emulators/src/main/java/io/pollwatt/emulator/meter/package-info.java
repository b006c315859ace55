/** Meter emulators: a twin meter answering polls with a register snapshot. */
package io.pollwatt.emulator.meter;
