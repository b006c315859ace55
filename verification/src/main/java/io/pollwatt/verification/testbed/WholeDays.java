package io.pollwatt.verification.testbed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The whole local days of a run whose records the platform can judge: from the day after the run's first (the
 * devices' first record is a grid interval after the run's start, so even a run starting at midnight lacks its first
 * day's opening record) to the last day that ends by the run's end.
 */
public record WholeDays(LocalDate first, LocalDate last) {

    public static WholeDays of(Instant start, Instant end, ZoneId zone) {
        return new WholeDays(
                start.atZone(zone).toLocalDate().plusDays(1),
                end.atZone(zone).toLocalDate().minusDays(1));
    }

    /** Whether the run holds no such day. */
    public boolean isEmpty() {
        return last.isBefore(first);
    }
}
