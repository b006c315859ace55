package io.pollwatt.verification.scoring;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.twin.fault.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Matches the alarms of one scenario to its ground truth, the staged faults.
 *
 * <p>An alarm detects a fault when both belong to the same enterprise, the fault lists the alarm's rule among its
 * expected rules (by the rulebook's name, {@link RuleName}), and the alarm's episode {@code [start, end)} (an open
 * one runs on) meets the fault's window widened by {@link #GRACE} on both sides: hour- and day-level rules report the
 * hour or day a fault fell in, and a rule may need a few samples past a fault's end. The match does not require the
 * alarm to name the fault's point: several rules report on the enterprise or on the point that shows the symptom
 * (a sub-meter outside MAIN shows as an imbalance of the whole site), so a scenario that needs the point checks it
 * with its own steps.
 *
 * <p>Every (fault, expected rule) pair is a detection (with the delay from the fault's start to the first matching
 * alarm's opening, in virtual time) or a miss; every alarm that detects nothing is a false alarm, "forbidden" when a
 * staged fault whose widened window it meets says its rule must not fire. Alarms closed as {@code retracted} are left
 * out: late data showed their episode never happened, and the platform says so itself.
 */
public final class Scorer {

    /** How far an alarm may lie outside a fault's window and still be about it. */
    public static final Duration GRACE = Duration.ofHours(1);

    private Scorer() {}

    public static ScenarioScore score(List<StagedFault> faults, List<Alarm> alarms) {
        List<Alarm> scored = alarms.stream()
                .filter(a -> !"retracted".equals(a.closingReason()))
                .sorted(Comparator.comparing(Alarm::openedAt).thenComparingLong(Alarm::id))
                .toList();
        List<ScenarioScore.Detection> detections = new ArrayList<>();
        List<ScenarioScore.Miss> misses = new ArrayList<>();
        for (StagedFault s : faults) {
            Fault f = s.fault();
            for (String rule : s.expectedRules()) {
                Optional<Alarm> first =
                        scored.stream().filter(a -> detects(a, s, rule)).findFirst();
                if (first.isPresent()) {
                    Duration delay =
                            Duration.between(f.window().start(), first.get().openedAt());
                    detections.add(new ScenarioScore.Detection(
                            f.kind(),
                            f.target(),
                            rule,
                            first.get().id(),
                            f.window().start(),
                            delay.isNegative() ? Duration.ZERO : delay));
                } else {
                    misses.add(new ScenarioScore.Miss(
                            f.kind(),
                            f.target(),
                            rule,
                            f.window().start(),
                            f.window().end()));
                }
            }
        }
        List<ScenarioScore.FalseAlarm> falseAlarms = new ArrayList<>();
        List<ScenarioScore.Scored> all = new ArrayList<>();
        for (Alarm a : scored) {
            String name = RuleName.of(a);
            Optional<StagedFault> matched = faults.stream()
                    .filter(s -> s.expectedRules().stream().anyMatch(r -> detects(a, s, r)))
                    .findFirst();
            all.add(new ScenarioScore.Scored(
                    a.id(), name, matched.map(s -> s.fault().kind()).orElse(null)));
            if (matched.isEmpty()) {
                String forbiddenBy = faults.stream()
                        .filter(s -> sameEnterprise(a, s) && meets(a, s))
                        .filter(s -> s.fault().mustNotFire().stream().anyMatch(p -> RuleName.names(p, name)))
                        .map(s -> s.fault().kind())
                        .findFirst()
                        .orElse(null);
                falseAlarms.add(
                        new ScenarioScore.FalseAlarm(a.id(), name, a.key(), String.valueOf(a.start()), forbiddenBy));
            }
        }
        return new ScenarioScore(detections, misses, falseAlarms, all);
    }

    private static boolean detects(Alarm a, StagedFault s, String rule) {
        return sameEnterprise(a, s) && RuleName.names(rule, RuleName.of(a)) && meets(a, s);
    }

    private static boolean sameEnterprise(Alarm a, StagedFault s) {
        return s.enterpriseId().equals(a.enterpriseId());
    }

    /** Whether the alarm's episode meets the fault's window widened by {@link #GRACE}. */
    static boolean meets(Alarm a, StagedFault s) {
        ZoneId zone = s.zone();
        Instant start = a.start().atZone(zone).toInstant();
        Instant end = a.end() == null ? Instant.MAX : a.end().atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            end = start.plusSeconds(1); // an alarm of one instant
        }
        Instant from = s.fault().window().start().minus(GRACE);
        Instant to = s.fault().window().end().plus(GRACE);
        return start.isBefore(to) && end.isAfter(from);
    }
}
