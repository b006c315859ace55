/** The 4G DTU: polling, records, the store, and sending with acknowledgement, retry and resend (断点续传). */
package io.pollwatt.emulator.dtu;
