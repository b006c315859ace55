package io.pollwatt.report.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well one rule detected the staged faults of a run, scored against ground truth.
 *
 * @param detectionDelays per true positive, raisedAt − start of the truth window
 */
public record RuleQuality(
        String ruleId, int truePositives, int falsePositives, int falseNegatives, List<Duration> detectionDelays) {
    public RuleQuality {
        Require.text("RuleQuality", "ruleId", ruleId);
        Require.count("RuleQuality " + ruleId, "truePositives", truePositives);
        Require.count("RuleQuality " + ruleId, "falsePositives", falsePositives);
        Require.count("RuleQuality " + ruleId, "falseNegatives", falseNegatives);
        detectionDelays = Require.list("RuleQuality", "detectionDelays", detectionDelays);
        for (Duration delay : detectionDelays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException(
                        "RuleQuality %s: a detection delay must be ≥ 0, got %s".formatted(ruleId, delay));
            }
        }
    }

    /** TP ÷ (TP + FP); empty when the rule raised nothing. */
    public OptionalDouble precision() {
        int raised = truePositives + falsePositives;
        return raised == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / raised);
    }

    /** TP ÷ (TP + FN); empty when nothing was staged for the rule. */
    public OptionalDouble recall() {
        int staged = truePositives + falseNegatives;
        return staged == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / staged);
    }

    /** The median delay (the lower middle one for an even count), empty without delays. */
    public Optional<Duration> medianDelay() {
        if (detectionDelays.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(detectionDelays);
        Collections.sort(sorted);
        return Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    public Optional<Duration> maxDelay() {
        return detectionDelays.stream().max(Duration::compareTo);
    }
}
