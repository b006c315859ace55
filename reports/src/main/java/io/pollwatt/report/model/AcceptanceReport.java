package io.pollwatt.report.model;

import java.time.ZoneId;
import java.util.List;

/**
 * The acceptance report (验收报告) of one enterprise: its points, the AC checks and the verdict.
 *
 * @param generatedAt when it was made, as text; passed in, never read from a clock
 * @param completeness per point and day, the effective transmission rate of the trial run (AC-09, AC-11)
 */
public record AcceptanceReport(
        String enterpriseId,
        String enterpriseName,
        String generatedAt,
        long seed,
        ZoneId zone,
        List<AcceptancePoint> points,
        List<AcceptanceCheck> checks,
        List<Completeness> completeness) {
    public AcceptanceReport {
        Require.text("AcceptanceReport", "enterpriseId", enterpriseId);
        Require.text("AcceptanceReport", "enterpriseName", enterpriseName);
        Require.text("AcceptanceReport", "generatedAt", generatedAt);
        Require.present("AcceptanceReport", "zone", zone);
        points = Require.list("AcceptanceReport", "points", points);
        checks = Require.list("AcceptanceReport", "checks", checks);
        completeness = Require.list("AcceptanceReport", "completeness", completeness);
    }

    /** Passed when there is at least one check and every check passed. */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(AcceptanceCheck::passed);
    }

    /** The checks that failed, in the given order: the reasons of a "不通过". */
    public List<AcceptanceCheck> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
