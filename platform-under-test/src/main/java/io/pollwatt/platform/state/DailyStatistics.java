package io.pollwatt.platform.state;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * ST-09 for one point and day: running hours (RUN or HIGH), low-load hours (LOW), starts and stops, and the load
 * rate (mean power while running ÷ P_ref). The states on the two sides of a NO_DATA stretch are compared, so OFF,
 * NO_DATA…, RUN is one start.
 *
 * @param runningHours samples RUN or HIGH × Δ, in hours
 * @param lowHours samples LOW × Δ, in hours
 * @param starts transitions from OFF to RUN, LOW or HIGH
 * @param stops transitions from RUN, LOW or HIGH to OFF
 * @param loadRate mean P while running ÷ P_ref; empty without P_ref or without running samples
 */
public record DailyStatistics(double runningHours, double lowHours, int starts, int stops, OptionalDouble loadRate) {

    /** One sample's state and power (power absent when NO_DATA). */
    public record Sampled(OperatingState state, OptionalDouble pKw) {}

    /** The statistics of one day's samples in order, Δ apart; {@code previous} is the state before the day. */
    public static DailyStatistics of(
            List<Sampled> day, OperatingState previous, Duration interval, OptionalDouble pRef) {
        double hoursPerSample = interval.toSeconds() / 3600.0;
        int running = 0;
        int low = 0;
        int starts = 0;
        int stops = 0;
        double runningPower = 0;
        int runningWithPower = 0;
        OperatingState last = previous;
        for (Sampled s : day) {
            OperatingState now = s.state();
            if (now.running()) {
                running++;
                if (s.pKw().isPresent()) {
                    runningPower += s.pKw().getAsDouble();
                    runningWithPower++;
                }
            } else if (now == OperatingState.LOW) {
                low++;
            }
            if (now == OperatingState.NO_DATA) {
                continue; // compared across the gap
            }
            if (last == OperatingState.OFF && now.on()) {
                starts++;
            } else if (last.on() && now == OperatingState.OFF) {
                stops++;
            }
            last = now;
        }
        OptionalDouble loadRate = pRef.isPresent() && runningWithPower > 0
                ? OptionalDouble.of(runningPower / runningWithPower / pRef.getAsDouble())
                : OptionalDouble.empty();
        return new DailyStatistics(running * hoursPerSample, low * hoursPerSample, starts, stops, loadRate);
    }
}
