package io.pollwatt.report.model;

import java.time.Instant;
import java.util.List;

/**
 * A fault the twin staged (真值, ground truth), and the rules expected to find it.
 *
 * @param target the point id, or the enterprise id when the fault is not on one point
 */
public record TruthWindow(String kind, String target, Instant start, Instant end, List<String> expectedRules) {
    public TruthWindow {
        Require.text("TruthWindow", "kind", kind);
        Require.text("TruthWindow", "target", target);
        Require.present("TruthWindow", "end", end);
        Require.ordered("TruthWindow " + kind, start, end);
        expectedRules = Require.list("TruthWindow", "expectedRules", expectedRules);
    }
}
