package io.pollwatt.verification.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the alarms of one scenario compare with its ground truth.
 *
 * @param detections every (fault, expected rule) pair some alarm detected, with the first such alarm
 * @param misses every (fault, expected rule) pair no alarm detected
 * @param falseAlarms every alarm that matches no staged fault expecting its rule
 * @param alarms how many alarms were scored (retracted ones are not: late data showed they never were)
 */
public record ScenarioScore(
        List<Detection> detections, List<Miss> misses, List<FalseAlarm> falseAlarms, List<Scored> alarms) {

    public ScenarioScore {
        detections = List.copyOf(detections);
        misses = List.copyOf(misses);
        falseAlarms = List.copyOf(falseAlarms);
        alarms = List.copyOf(alarms);
    }

    /**
     * A staged fault one of its expected rules detected.
     *
     * @param delay from the fault's start to when the platform opened the alarm (virtual time); zero when the
     *     alarm was opened first (a day-level finding re-judged)
     */
    public record Detection(
            String faultKind, String target, String rule, long alarmId, Instant faultStart, Duration delay) {}

    /** A staged fault one of its expected rules did not detect. */
    public record Miss(String faultKind, String target, String rule, Instant faultStart, Instant faultEnd) {}

    /**
     * An alarm no staged fault expects.
     *
     * @param forbiddenBy the kind of a staged fault that says this rule must not fire, or null when none does (an
     *     alarm simply not explained by the truth)
     */
    public record FalseAlarm(long alarmId, String rule, String key, String start, String forbiddenBy) {}

    /**
     * One scored alarm and whether it matched a fault.
     *
     * @param rule the rulebook's name ({@code DQ-08b})
     * @param matchedFault the kind of the fault it detected, or null
     */
    public record Scored(long alarmId, String rule, String matchedFault) {}

    /** Whether every expected rule fired and no rule a fault forbids did. */
    public boolean agreesWithTruth() {
        return misses.isEmpty() && falseAlarms.stream().noneMatch(f -> f.forbiddenBy() != null);
    }
}
