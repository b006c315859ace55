package io.pollwatt.platform.ingest;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the ingest treats devices' time and gaps.
 *
 * @param deviceZone the zone of devices' clocks (HJ 212 times carry none; Asia/Shanghai by D1)
 * @param clockTolerance how far a device's clock (its QN) may be from the platform's before the platform sets it
 *     with 1012 ({@code dq.futureToleranceMin}, 5 min); at most once an hour per device
 * @param realtimeInterval the real-time grid (D1: 15 min)
 * @param gapFillGrace how long a gap in a device's real-time records may stay open, waiting for the device's own
 *     resending, before the platform asks for the minute data of it (2051 with BeginTime/EndTime)
 * @param writers the storing threads (and database connections), each for its share of the MNs
 */
public record IngestSettings(
        ZoneId deviceZone, Duration clockTolerance, Duration realtimeInterval, Duration gapFillGrace, int writers) {
    public IngestSettings {
        Objects.requireNonNull(deviceZone, "deviceZone");
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        Objects.requireNonNull(realtimeInterval, "realtimeInterval");
        Objects.requireNonNull(gapFillGrace, "gapFillGrace");
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("writers must be 1..16, got " + writers);
        }
        if (realtimeInterval.isNegative() || realtimeInterval.isZero()) {
            throw new IllegalArgumentException("the real-time interval must be positive, got " + realtimeInterval);
        }
    }

    /** Asia/Shanghai, 5 min, 15 min, 1 h, 2 writers. */
    public static IngestSettings defaults() {
        return new IngestSettings(
                ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), 2);
    }
}
