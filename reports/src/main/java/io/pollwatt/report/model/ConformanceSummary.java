package io.pollwatt.report.model;

import java.util.List;

/** The protocol conformance check of a suite run: how many vector checks passed, and what failed. */
public record ConformanceSummary(int checked, int passed, List<String> failures) {
    public ConformanceSummary {
        Require.count("ConformanceSummary", "checked", checked);
        Require.count("ConformanceSummary", "passed", passed);
        if (passed > checked) {
            throw new IllegalArgumentException(
                    "ConformanceSummary: passed %d exceeds checked %d".formatted(passed, checked));
        }
        failures = Require.list("ConformanceSummary", "failures", failures);
    }
}
