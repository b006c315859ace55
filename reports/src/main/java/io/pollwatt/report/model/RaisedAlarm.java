package io.pollwatt.report.model;

import java.time.Instant;
import java.util.List;

/**
 * An alarm the platform raised (detected), as the report shows it.
 *
 * @param level 1 (most severe, red) to 3 (yellow), §4
 * @param points the triggering and related points; empty for an enterprise-wide alarm
 * @param end null while the alarm is open
 * @param evidenceFrames the HJ 212 frames the alarm cites, written by the report beside it; may be empty
 * @param evidenceLink where else the evidence is (an absolute URL or a path relative to the report folder), or null
 * @param matchedTruthKind the kind of the truth window it was matched with, or null for a false alarm
 */
public record RaisedAlarm(
        String id,
        String ruleId,
        String subtype,
        int level,
        String key,
        List<String> points,
        Instant start,
        Instant end,
        List<String> evidenceFrames,
        String evidenceLink,
        String matchedTruthKind) {
    public RaisedAlarm {
        Require.text("RaisedAlarm", "id", id);
        Require.text("RaisedAlarm", "ruleId", ruleId);
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("RaisedAlarm %s: level must be 1, 2 or 3, got %d".formatted(id, level));
        }
        points = Require.list("RaisedAlarm", "points", points);
        Require.ordered("RaisedAlarm " + id, start, end);
        evidenceFrames = Require.list("RaisedAlarm", "evidenceFrames", evidenceFrames);
    }

    /** Whether the alarm concerns the point: it names it, or it names no point at all. */
    public boolean concerns(String pointId) {
        return points.isEmpty() || points.contains(pointId);
    }
}
