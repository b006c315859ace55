package io.pollwatt.platform.aggregate;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of one point ([00:00, 24:00) in the point's local time).
 *
 * @param day the date
 * @param records the grid instants of the day with a record
 * @param expected the grid instants of a day (96 at 15 minutes)
 * @param validHours the hours that are valid
 * @param valid whether at least {@code agg.minValidHoursPerDay} hours are
 * @param energy the day's energy
 * @param quantities per quantity: the mean of the valid hourly means and the day's largest realtime value
 */
public record DayAggregate(
        LocalDate day,
        int records,
        int expected,
        int validHours,
        boolean valid,
        Energy energy,
        Map<String, Stats> quantities) {

    /** Received ÷ expected records (AC-11's transmission rate for the day). */
    public double completeness() {
        return expected == 0 ? 0 : (double) records / expected;
    }
}
