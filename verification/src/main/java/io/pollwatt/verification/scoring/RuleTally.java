package io.pollwatt.verification.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detection quality of each rule over many scenarios: how many (fault, rule) pairs the truth expected and how
 * many the platform detected (recall), how many alarms it raised and how many of those detected something
 * (precision), and how long detection took. Rules are named as in the rulebook ({@code DQ-08b}).
 */
public final class RuleTally {

    private final Map<String, Counts> rules = new TreeMap<>();

    /** Adds one scenario's score. */
    public void add(ScenarioScore score) {
        for (ScenarioScore.Detection d : score.detections()) {
            Counts c = counts(d.rule());
            c.expected++;
            c.detected++;
            c.delays.add(d.delay());
        }
        for (ScenarioScore.Miss m : score.misses()) {
            Counts c = counts(m.rule());
            c.expected++;
        }
        for (ScenarioScore.Scored s : score.alarms()) {
            counts(s.rule()).alarms++;
        }
        for (ScenarioScore.FalseAlarm f : score.falseAlarms()) {
            Counts c = counts(f.rule());
            c.falseAlarms++;
            if (f.forbiddenBy() != null) {
                c.forbidden++;
            }
        }
    }

    /** One line per rule, in rule order. */
    public List<Quality> qualities() {
        List<Quality> out = new ArrayList<>();
        rules.forEach((rule, c) -> {
            List<Duration> sorted = c.delays.stream().sorted().toList();
            Duration median = sorted.isEmpty() ? null : median(sorted);
            Duration max = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
            out.add(new Quality(
                    rule,
                    c.expected,
                    c.detected,
                    c.expected - c.detected,
                    c.alarms,
                    c.falseAlarms,
                    c.forbidden,
                    c.alarms == 0 ? null : (double) (c.alarms - c.falseAlarms) / c.alarms,
                    c.expected == 0 ? null : (double) c.detected / c.expected,
                    median,
                    max,
                    sorted));
        });
        return out;
    }

    private static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private Counts counts(String rule) {
        return rules.computeIfAbsent(rule, r -> new Counts());
    }

    private static final class Counts {
        int expected;
        int detected;
        int alarms;
        int falseAlarms;
        int forbidden;
        final List<Duration> delays = new ArrayList<>();
    }

    /**
     * One rule's quality.
     *
     * @param expected (fault, rule) pairs the truth expected
     * @param detected of those, detected
     * @param missed of those, missed
     * @param alarms alarms of the rule scored
     * @param falseAlarms of those, matching no fault that expects the rule
     * @param forbidden of the false alarms, those a staged fault says must not fire
     * @param precision (alarms − false alarms) ÷ alarms; null without alarms
     * @param recall detected ÷ expected; null when nothing was expected
     * @param medianDelay median detection delay; null without detections
     * @param maxDelay longest detection delay; null without detections
     * @param delays every detection delay, shortest first
     */
    public record Quality(
            String rule,
            int expected,
            int detected,
            int missed,
            int alarms,
            int falseAlarms,
            int forbidden,
            Double precision,
            Double recall,
            Duration medianDelay,
            Duration maxDelay,
            List<Duration> delays) {

        public Quality {
            delays = List.copyOf(delays);
        }
    }
}
