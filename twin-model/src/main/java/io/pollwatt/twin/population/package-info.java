/** Random enterprises and faults from a seed, for population studies and benchmarks. */
package io.pollwatt.twin.population;
