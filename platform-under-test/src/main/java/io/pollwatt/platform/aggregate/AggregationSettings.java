package io.pollwatt.platform.aggregate;

import java.time.Duration;
import java.util.Objects;

/**
 * The aggregation keys of domain-rules Appendix A, with the rulebook's defaults.
 *
 * @param interval the realtime interval Δ ({@code agg.realtimeIntervalMin}, 15 min); divides an hour
 * @param snapTolerance how far from a grid instant a DataTime may lie and still be assigned to it
 *     ({@code agg.snapToleranceMin}, 2 min); less than half the interval
 * @param energySource which reading of the seed gives the hourly total ({@code agg.energySource})
 * @param label whether a record covers the interval after or before its time ({@code agg.recordTimeLabel})
 * @param minSamplesPerHour records an hour needs to be valid ({@code agg.minSamplesPerHour}, 3 of 4)
 * @param minValidHoursPerDay valid hours a day needs to be valid ({@code agg.minValidHoursPerDay}, 20)
 * @param mismatchSteps register resolution steps by which the two energy readings may differ before DQ-20
 *     ({@code dq.registerMismatchSteps}, 2)
 */
public record AggregationSettings(
        Duration interval,
        Duration snapTolerance,
        EnergySource energySource,
        TimeLabel label,
        int minSamplesPerHour,
        int minValidHoursPerDay,
        int mismatchSteps) {

    /** Where an hour's energy comes from (AGG-03). */
    public enum EnergySource {
        /** The cumulative register: E(hh+1:00) − E(hh:00). */
        REGISTER,
        /** The sum of the hour's four interval totals (2051 {@code -Cou}). */
        INTERVAL_COU
    }

    /** Which interval a record's time labels (AGG-04). */
    public enum TimeLabel {
        /** A record stamped t covers [t, t + Δ): hour H owns hh:00 … hh:45. */
        START,
        /** A record stamped t covers (t − Δ, t]: hour H owns hh:15 … hh+1:00. */
        END
    }

    public AggregationSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(snapTolerance, "snapTolerance");
        Objects.requireNonNull(energySource, "energySource");
        Objects.requireNonNull(label, "label");
        if (interval.isNegative() || interval.isZero() || Duration.ofHours(1).toSeconds() % interval.toSeconds() != 0) {
            throw new IllegalArgumentException("agg.realtimeIntervalMin must divide an hour, got " + interval);
        }
        if (snapTolerance.isNegative() || snapTolerance.multipliedBy(2).compareTo(interval) >= 0) {
            throw new IllegalArgumentException(
                    "agg.snapToleranceMin must be at least 0 and under half the interval, got " + snapTolerance);
        }
        int perHour = perHour(interval);
        if (minSamplesPerHour < 1 || minSamplesPerHour > perHour) {
            throw new IllegalArgumentException(
                    "agg.minSamplesPerHour must be 1.." + perHour + ", got " + minSamplesPerHour);
        }
        if (minValidHoursPerDay < 0 || minValidHoursPerDay > 24) {
            throw new IllegalArgumentException("agg.minValidHoursPerDay must be 0..24, got " + minValidHoursPerDay);
        }
        if (mismatchSteps < 0) {
            throw new IllegalArgumentException("dq.registerMismatchSteps must be at least 0, got " + mismatchSteps);
        }
    }

    /** The rulebook's defaults. */
    public static AggregationSettings defaults() {
        return new AggregationSettings(
                Duration.ofMinutes(15), Duration.ofMinutes(2), EnergySource.REGISTER, TimeLabel.START, 3, 20, 2);
    }

    /** Records per hour (4 at 15 minutes). */
    public int samplesPerHour() {
        return perHour(interval);
    }

    private static int perHour(Duration interval) {
        return (int) (Duration.ofHours(1).toSeconds() / interval.toSeconds());
    }
}
