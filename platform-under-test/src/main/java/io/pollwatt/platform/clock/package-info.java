/**
 * The platform's test clock: a clock a testbed sets ({@code PUT /api/clock}) instead of the system clock, for runs
 * against the platform in virtual time over its public interfaces.
 */
package io.pollwatt.platform.clock;
