/** Three-phase electrical physics (domain-rules EM-01 to EM-07): true load, meter view, energy registers. */
package io.pollwatt.twin.electric;
