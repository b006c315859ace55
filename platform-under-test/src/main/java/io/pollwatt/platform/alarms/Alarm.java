package io.pollwatt.platform.alarms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A stored alarm (rulebook §4): one episode of one rule for one deduplication key, with its lifecycle (OPEN →
 * updated → CLOSED with a reason) and its review (人工审核). Times of the episode are the enterprise's local time, as
 * the records' DataTime; times of the lifecycle are platform instants.
 *
 * @param closingReason {@code ended} (the episode ended), {@code recoveredByResend} (the data it was raised on
 *     missing arrived), {@code retracted} (late data show no such episode), {@code merged} (it joined an earlier
 *     alarm of the same key); {@code null} while open
 * @param detectedLate raised only when late data (resent or gap-filled) arrived, well after its raising sample
 */
public record Alarm(
        long id,
        String enterpriseId,
        String ruleId,
        int ruleVersion,
        String key,
        String subtype,
        List<String> points,
        List<String> related,
        LocalDateTime start,
        LocalDateTime raisedAt,
        LocalDateTime end,
        int level,
        Status status,
        String closingReason,
        boolean detectedLate,
        Map<String, Object> evidence,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        Review review,
        String reviewComment,
        String reviewer,
        Instant reviewedAt) {

    /** Open while the episode goes on. */
    public enum Status {
        OPEN,
        CLOSED
    }

    /** The review state (OP-02). */
    public enum Review {
        UNREVIEWED,
        CONFIRMED,
        DISMISSED
    }

    /** One step of an alarm's lifecycle. */
    public record Event(long id, Instant at, String kind, Map<String, Object> detail) {}
}
