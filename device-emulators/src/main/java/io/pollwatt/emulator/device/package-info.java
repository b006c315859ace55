/** What every emulated field device shares: the send cursor per platform, time, and the platform command exchange. */
package io.pollwatt.emulator.device;
