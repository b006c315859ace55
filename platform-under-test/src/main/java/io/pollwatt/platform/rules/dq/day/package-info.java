/**
 * The day- and energy-level data-quality rules (domain-rules §5: DQ-07, DQ-09, DQ-10, DQ-11 daily, DQ-13, DQ-14,
 * DQ-16, DQ-18, DQ-20) and ALM-10 night-time stopping, over the aggregation of the evaluated days (AGG-02…05).
 * They run at day (hour, night) close: a day is judged only once the record that closes it is in the data.
 */
package io.pollwatt.platform.rules.dq.day;
