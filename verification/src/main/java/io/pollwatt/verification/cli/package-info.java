/**
 * The {@code testbed} command line: {@code hj212 check|decode|encode} for frames and vector files, and {@code suite}
 * for the project's conformance run.
 */
package io.pollwatt.verification.cli;
