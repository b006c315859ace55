/** The digital twin: enterprises, circuits, meters, stacks and faults in virtual time, with ground truth. */
package io.pollwatt.twin;
