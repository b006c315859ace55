/**
 * The scenario catalogue against a platform outside this process ({@code testbed suite --platform --api --token}):
 * a client of the reference REST contract, the run in virtual time (the platform's test clock set over HTTP) or in
 * scaled real time, and the sites registered under a name of each run. See docs/scenarios.md, external mode.
 */
package io.pollwatt.verification.external;
