package io.pollwatt.report.model;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of the testbed suite leaves for people to read.
 *
 * @param passed the run's verdict, decided by the suite
 * @param seed the run seed (style.md §6), printed so the run can be replayed
 * @param replayCommand the command that replays this run, or null
 * @param versions component → version (pollwatt, Java, rulebook…), in the given order
 * @param generatedAt when the report was made, as text; passed in, never read from a clock
 * @param zone the zone of the enterprises' clocks (Asia/Shanghai); every time is shown in it
 * @param conformance the protocol conformance check, or null when it did not run
 */
public record SuiteReport(
        String title,
        boolean passed,
        long seed,
        String replayCommand,
        Map<String, String> versions,
        String generatedAt,
        ZoneId zone,
        List<ScenarioReport> scenarios,
        List<RuleQuality> rules,
        List<ThresholdSweep> sweeps,
        ConformanceSummary conformance) {
    public SuiteReport {
        Require.text("SuiteReport", "title", title);
        Require.present("SuiteReport", "versions", versions);
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        Require.text("SuiteReport", "generatedAt", generatedAt);
        Require.present("SuiteReport", "zone", zone);
        scenarios = Require.list("SuiteReport", "scenarios", scenarios);
        rules = Require.list("SuiteReport", "rules", rules);
        sweeps = Require.list("SuiteReport", "sweeps", sweeps);
    }

    public long count(ScenarioStatus status) {
        return scenarios.stream().filter(s -> s.status() == status).count();
    }
}
