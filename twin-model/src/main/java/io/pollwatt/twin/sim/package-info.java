/** The simulation: facility loads, meters and registers stepped in virtual time, with ground truth. */
package io.pollwatt.twin.sim;
