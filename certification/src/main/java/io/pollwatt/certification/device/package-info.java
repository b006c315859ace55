/** The tester that plays the platform for a real or emulated device and drives the active phases. */
package io.pollwatt.certification.device;
