package io.pollwatt.verification.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cucumber plugin counting the scenarios of one {@code testbed suite} run by verdict, with one line per failure
 * (name, where it is, the first line of its error). Cucumber instantiates plugins itself, so the tally is static and
 * {@link #reset} before each run; one suite runs at a time.
 */
public final class ScenarioTally implements ConcurrentEventListener {

    private static int passed;
    private static int failed;
    private static int skipped;
    private static final List<String> FAILURES = new ArrayList<>();
    private static final Map<String, String> ERRORS = new HashMap<>();
    /** Per test case: its first step without a definition, named with its line (Cucumber reports no error for it). */
    private static final Map<java.util.UUID, String> UNDEFINED = new HashMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepFinished.class, ScenarioTally::stepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, ScenarioTally::finished);
    }

    private static synchronized void stepFinished(TestStepFinished e) {
        if (e.getResult().getStatus() == Status.UNDEFINED && e.getTestStep() instanceof PickleStepTestStep step) {
            UNDEFINED.putIfAbsent(
                    e.getTestCase().getId(),
                    "no step definition for '" + step.getStep().getKeyword()
                            + step.getStep().getText() + "' (line "
                            + step.getStep().getLine() + "; docs/scenarios.md lists the step vocabulary)");
        }
    }

    private static synchronized void finished(TestCaseFinished e) {
        Status s = e.getResult().getStatus();
        if (s == Status.PASSED) {
            passed++;
        } else if (s == Status.SKIPPED) {
            skipped++;
        } else {
            failed++;
            String undefined = UNDEFINED.remove(e.getTestCase().getId());
            String error = e.getResult().getError() == null
                    ? (undefined != null ? undefined : s.name())
                    : String.valueOf(e.getResult().getError().getMessage())
                            .lines()
                            .findFirst()
                            .orElse(s.name());
            String where = e.getTestCase().getUri() + ":"
                    + e.getTestCase().getLocation().getLine();
            FAILURES.add(e.getTestCase().getName() + " (" + where + "): " + error);
            if (e.getResult().getError() != null) {
                ERRORS.put(where, String.valueOf(e.getResult().getError().getMessage()));
            }
        }
    }

    static synchronized void reset() {
        passed = 0;
        failed = 0;
        skipped = 0;
        FAILURES.clear();
        ERRORS.clear();
        UNDEFINED.clear();
    }

    /** The whole error message of a failed scenario, by {@code uri:line}. */
    static synchronized Map<String, String> errors() {
        return Map.copyOf(ERRORS);
    }

    static synchronized int passed() {
        return passed;
    }

    static synchronized int failed() {
        return failed;
    }

    static synchronized int skipped() {
        return skipped;
    }

    static synchronized List<String> failures() {
        return List.copyOf(FAILURES);
    }
}
