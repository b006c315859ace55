package io.pollwatt.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.verification.scoring.ScenarioScore;
import io.pollwatt.verification.scoring.ScoreBook;
import io.pollwatt.verification.scoring.ScoreJson;
import io.pollwatt.verification.scoring.Scorer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scoring against the twin's ground truth: after every scenario that ran, its alarms are matched to its staged
 * faults ({@link Scorer}); the score is attached to the scenario (Cucumber's messages carry it) and kept for the
 * suite's per-rule tally. A scenario may also demand that the platform agreed with the truth.
 */
public final class TruthSteps {

    private static final Logger LOG = LoggerFactory.getLogger(TruthSteps.class);

    /**
     * The system property that asks for each scenario's report data (curves, states, energies): {@code testbed
     * suite} sets it; {@code mvn verify} leaves it out and saves the time.
     */
    public static final String REPORT_PROPERTY = "pollwatt.report.scenarios";

    /**
     * Threshold outlines stage faults just below a rule's threshold on purpose (and borrow faults for their effect):
     * their scores are attached and listed, but left out of the per-rule tally.
     */
    public static final String THRESHOLD_TAG = "@threshold";

    /** The media type of the attached score. */
    public static final String SCORE_MEDIA_TYPE = "application/vnd.pollwatt.score+json";

    private final ScenarioWorld world;

    public TruthSteps(ScenarioWorld world) {
        this.world = world;
    }

    /**
     * Every expected rule of every staged fault fired over its window, and no rule a staged fault forbids fired
     * while it was active. Alarms the truth does not explain at all are listed in the score, not failed here: a
     * scenario names the ones it must not see with {@code 平台不产生告警}.
     */
    @Then("告警与真值相符")
    public void agrees_with_truth() {
        ScenarioScore s = Scorer.score(world.stagedFaults(), world.alarms());
        if (s.agreesWithTruth()) {
            return;
        }
        StringBuilder b = new StringBuilder("the alarms disagree with the ground truth:\n");
        s.misses()
                .forEach(m -> b.append("  missed ")
                        .append(m.rule())
                        .append(" for ")
                        .append(m.faultKind())
                        .append(" on ")
                        .append(m.target())
                        .append(" from ")
                        .append(java.time.LocalDateTime.ofInstant(
                                m.faultStart(), world.zone())) // as the scenario writes it
                        .append('\n'));
        s.falseAlarms().stream()
                .filter(f -> f.forbiddenBy() != null)
                .forEach(f -> b.append("  ")
                        .append(f.rule())
                        .append(' ')
                        .append(f.key())
                        .append(" from ")
                        .append(f.start())
                        .append(" fired although ")
                        .append(f.forbiddenBy())
                        .append(" forbids it\n"));
        throw new AssertionError(b + "every alarm:\n" + AlarmSteps.describe(world.alarms()));
    }

    @After
    public void score(Scenario scenario) {
        if (!world.hasRun()) {
            return;
        }
        ScenarioScore s = Scorer.score(world.stagedFaults(), world.alarms());
        scenario.attach(
                ScoreJson.scenario(s).toString().getBytes(StandardCharsets.UTF_8),
                SCORE_MEDIA_TYPE,
                "ground-truth score");
        String uri = scenario.getUri().toString();
        int line = scenario.getLine() == null ? 0 : scenario.getLine();
        String status = scenario.getStatus().name();
        ScenarioReport report = null;
        if (Boolean.getBoolean(REPORT_PROPERTY)) {
            try {
                report = ScenarioReports.of(
                        world,
                        scenario.getName(),
                        uri,
                        line,
                        ScenarioReports.tags(scenario.getSourceTagNames()),
                        status,
                        null,
                        s);
            } catch (RuntimeException e) {
                // the human report is a view: a scenario's verdict never depends on it, and the report says so
                LOG.warn("no report data for scenario '{}': {}", scenario.getName(), e.toString());
            }
        }
        boolean tallied = !scenario.getSourceTagNames().contains(THRESHOLD_TAG);
        ScoreBook.add(new ScoreBook.Entry(scenario.getName(), uri, line, status, s, report, tallied));
    }
}
