package io.pollwatt.report.model;

/** Precision and recall of a rule run with one value of a threshold. */
public record SweepPoint(double threshold, double precision, double recall) {
    public SweepPoint {
        Require.ratio("SweepPoint at " + threshold, "precision", precision);
        Require.ratio("SweepPoint at " + threshold, "recall", recall);
    }
}
