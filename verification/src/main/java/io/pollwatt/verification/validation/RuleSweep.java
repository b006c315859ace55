package io.pollwatt.verification.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one row of the sweep table measured: the rule's quality at each value of the key.
 *
 * @param rule the rule as the scoring names it
 * @param key the configuration key swept
 * @param defaultValue the value in effect for the run (the rulebook's default unless {@code --rules} changed it)
 * @param points one per value, ascending
 */
public record RuleSweep(String rule, String key, BigDecimal defaultValue, List<Measured> points) {

    public RuleSweep {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        points = List.copyOf(points);
    }

    /** The point measured at the value in effect. */
    public Measured atDefault() {
        return points.stream()
                .filter(p -> p.value().compareTo(defaultValue) == 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "sweep of " + rule + " over " + key + " did not measure its default " + defaultValue));
    }

    /**
     * The rule's quality with the key at one value.
     *
     * @param value the key's value
     * @param truePositives (fault, rule) pairs detected
     * @param falsePositives alarms of the rule that matched no fault expecting it
     * @param falseNegatives (fault, rule) pairs missed
     * @param alarms alarms of the rule scored
     * @param precision (alarms − false positives) ÷ alarms; null when the rule raised no alarm
     * @param recall detected ÷ expected; null when no staged fault expected the rule
     */
    public record Measured(
            BigDecimal value,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            int alarms,
            Double precision,
            Double recall) {

        public Measured {
            Objects.requireNonNull(value, "value");
            if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || alarms < 0) {
                throw new IllegalArgumentException("counts must be ≥ 0, got tp %d fp %d fn %d alarms %d"
                        .formatted(truePositives, falsePositives, falseNegatives, alarms));
            }
        }
    }
}
