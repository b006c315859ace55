package io.pollwatt.platform.aggregate;

import java.util.List;

/**
 * Everything the aggregation made of one point's readings over a range of days.
 *
 * @param steps the register's energy steps in time order, with their verdicts
 * @param hours every hour of the range
 * @param days every day of the range
 * @param findings data-quality findings, in time order
 */
public record PointAggregate(
        List<EnergyStep> steps, List<HourAggregate> hours, List<DayAggregate> days, List<Finding> findings) {}
