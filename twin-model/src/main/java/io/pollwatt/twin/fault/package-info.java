/** The fault catalogue: named, parameterised, time-windowed faults and the alarms each must and must not cause. */
package io.pollwatt.twin.fault;
