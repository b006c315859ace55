package io.pollwatt.report.model;

import java.util.List;

/**
 * A rule's precision and recall as one configuration key varies.
 *
 * @param parameter the configuration key (domain-rules.md Appendix A), e.g. "alm.notRunningMinMin"
 * @param defaultValue the value in effect (the rulebook's default unless the deployment overrides it), marked on the
 *     chart; NaN when none is to be marked
 */
public record ThresholdSweep(String ruleId, String parameter, List<SweepPoint> points, double defaultValue) {
    public ThresholdSweep {
        Require.text("ThresholdSweep", "ruleId", ruleId);
        Require.text("ThresholdSweep", "parameter", parameter);
        points = Require.list("ThresholdSweep", "points", points);
    }

    /** A sweep with no value marked as the default. */
    public ThresholdSweep(String ruleId, String parameter, List<SweepPoint> points) {
        this(ruleId, parameter, points, Double.NaN);
    }
}
