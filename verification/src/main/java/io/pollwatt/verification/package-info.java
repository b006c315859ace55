/** Wires the pollwatt testbed: step definitions, scoring against ground truth, the suite and its command line. */
package io.pollwatt.verification;
