package io.pollwatt.report.model;

import java.util.List;

/**
 * A rule's precision and recall as one configuration key varies.
 *
 * @param parameter the configuration key (domain-rules.md Appendix A), e.g. "alm.notRunningMinMin"
 */
public record ThresholdSweep(String ruleId, String parameter, List<SweepPoint> points) {
    public ThresholdSweep {
        Require.text("ThresholdSweep", "ruleId", ruleId);
        Require.text("ThresholdSweep", "parameter", parameter);
        points = Require.list("ThresholdSweep", "points", points);
    }
}
