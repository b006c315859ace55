/** Virtual time: the simulated clock and the scheduler that alone moves it. */
package io.pollwatt.twin.time;
