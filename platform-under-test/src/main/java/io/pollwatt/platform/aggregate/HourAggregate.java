package io.pollwatt.platform.aggregate;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One hour of one point (label hh:00).
 *
 * @param hour the hour's start
 * @param records the grid instants of the hour with a record
 * @param valid whether at least {@code agg.minSamplesPerHour} records are present
 * @param energy the hour's energy
 * @param quantities mean, minimum and maximum of each instantaneous quantity over the hour's records
 */
public record HourAggregate(
        LocalDateTime hour, int records, boolean valid, Energy energy, Map<String, Stats> quantities) {}
