package io.pollwatt.platform.alarms;

import java.time.LocalDateTime;

/**
 * Which alarms to list; {@code null} fields do not filter. The time window selects alarms whose episode overlaps
 * [from, to).
 */
public record AlarmQuery(
        String enterpriseId,
        String ruleId,
        Integer level,
        Alarm.Status status,
        Alarm.Review review,
        LocalDateTime from,
        LocalDateTime to,
        int limit,
        int offset) {

    public AlarmQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
    }

    /** Every alarm, first 10,000. */
    public static AlarmQuery all() {
        return new AlarmQuery(null, null, null, null, null, null, null, 10_000, 0);
    }

    /** Every alarm of one enterprise. */
    public static AlarmQuery of(String enterpriseId) {
        return new AlarmQuery(enterpriseId, null, null, null, null, null, null, 10_000, 0);
    }
}
