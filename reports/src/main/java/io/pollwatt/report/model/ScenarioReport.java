package io.pollwatt.report.model;

import java.util.List;

/**
 * One scenario of a suite run: how it ended and what it showed. The lists may be empty; a chart is drawn for
 * what is there.
 *
 * @param featureUri where the scenario is written, e.g. "classpath:features/alarms/treatment_off.feature"
 * @param line the line of the scenario in that file (1-based), or 0 when unknown
 * @param error the failure text of a FAILED scenario, else null
 * @param states the twin's true operating state of each point over time
 * @param energy days of the enterprise's energy balance (main against sub-meters)
 * @param completeness per point and day, the effective transmission rate
 */
public record ScenarioReport(
        String name,
        String featureUri,
        int line,
        List<String> tags,
        ScenarioStatus status,
        String error,
        List<PointSeries> curves,
        List<StateBand> states,
        List<TruthWindow> faults,
        List<RaisedAlarm> alarms,
        List<TvocSeries> tvoc,
        List<EnergyDay> energy,
        List<Completeness> completeness) {
    public ScenarioReport {
        Require.text("ScenarioReport", "name", name);
        Require.count("ScenarioReport " + name, "line", line);
        tags = Require.list("ScenarioReport", "tags", tags);
        Require.present("ScenarioReport", "status", status);
        curves = Require.list("ScenarioReport", "curves", curves);
        states = Require.list("ScenarioReport", "states", states);
        faults = Require.list("ScenarioReport", "faults", faults);
        alarms = Require.list("ScenarioReport", "alarms", alarms);
        tvoc = Require.list("ScenarioReport", "tvoc", tvoc);
        energy = Require.list("ScenarioReport", "energy", energy);
        completeness = Require.list("ScenarioReport", "completeness", completeness);
    }

    /** A scenario that has only an outcome (a protocol scenario, or one that failed before running the twin). */
    public static ScenarioReport outcomeOnly(
            String name, String featureUri, int line, List<String> tags, ScenarioStatus status, String error) {
        return new ScenarioReport(
                name,
                featureUri,
                line,
                tags,
                status,
                error,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Where it is written, as "uri:line", or the uri alone. */
    public String location() {
        if (featureUri == null) {
            return "";
        }
        return line > 0 ? featureUri + ":" + line : featureUri;
    }
}
