package io.pollwatt.report.model;

/**
 * Precision and recall of a rule run with one value of a threshold. Either may be NaN where it is undefined at that
 * value: precision when the rule raised no alarm, recall when no staged fault expected the rule; the chart leaves a
 * gap there rather than draw a number nobody measured.
 */
public record SweepPoint(double threshold, double precision, double recall) {
    public SweepPoint {
        if (!Double.isNaN(precision)) {
            Require.ratio("SweepPoint at " + threshold, "precision", precision);
        }
        if (!Double.isNaN(recall)) {
            Require.ratio("SweepPoint at " + threshold, "recall", recall);
        }
    }
}
