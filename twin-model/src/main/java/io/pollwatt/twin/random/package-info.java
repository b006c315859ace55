/** Reproducible random streams derived from the one seed of a run. */
package io.pollwatt.twin.random;
