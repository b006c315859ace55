/** The device-side persistent store of 30 days, with per-platform send cursors. */
package io.pollwatt.emulator.store;
