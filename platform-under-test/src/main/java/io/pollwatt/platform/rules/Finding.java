package io.pollwatt.platform.rules;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a rule found in one episode (rulebook §4's alarm record before it is stored): the rule and its version, the
 * enterprise, the deduplication key (a treatment group, a point, a device, or the enterprise), the episode's shape
 * ({@code subtype}), the triggering and related points, the episode [start, end) with the sample at which the rule's
 * duration was reached, the level, and the evidence: values and thresholds at the start.
 *
 * @param end the first instant after the episode (e + Δ); {@code null} while it is open (still going at the end
 *     of what is known)
 */
public record Finding(
        String ruleId,
        int version,
        String enterpriseId,
        String key,
        String subtype,
        List<String> points,
        List<String> related,
        LocalDateTime start,
        LocalDateTime raisedAt,
        LocalDateTime end,
        int level,
        Map<String, Object> evidence) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(key, "key");
        points = List.copyOf(points);
        related = List.copyOf(related);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(raisedAt, "raisedAt");
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("level must be 1..3, got " + level);
        }
        evidence = Collections.unmodifiableMap(new TreeMap<>(evidence));
    }

    /** Whether the episode is still going. */
    public boolean open() {
        return end == null;
    }

    /** Whether this finding and {@code other} concern the same thing (rulebook §4's deduplication key). */
    public boolean sameKey(Finding other) {
        return ruleId.equals(other.ruleId) && enterpriseId.equals(other.enterpriseId) && key.equals(other.key);
    }
}
