package io.pollwatt.verification.scoring;

import io.pollwatt.report.model.ScenarioReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The scores of the scenarios run in this JVM, in the order they finished. The step definitions add to it after
 * each scenario (Cucumber creates them itself, so there is no object to hand the scores to); {@code testbed suite}
 * clears it before a run and reads it after. One suite runs at a time.
 */
public final class ScoreBook {

    /**
     * One scenario's score.
     *
     * @param status Cucumber's verdict on the scenario's steps when it was scored
     * @param report what the human report shows of it, or null when no report was asked for
     * @param tallied whether it counts in the per-rule tally: a threshold outline's "just below" row stages a fault
     *     too small to detect on purpose, so its score is kept but not counted as a miss
     */
    public record Entry(
            String scenario,
            String uri,
            int line,
            String status,
            ScenarioScore score,
            ScenarioReport report,
            boolean tallied) {}

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private ScoreBook() {}

    public static synchronized void add(Entry e) {
        ENTRIES.add(e);
    }

    public static synchronized List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }

    public static synchronized void clear() {
        ENTRIES.clear();
    }

    /** The per-rule tally of every tallied entry. */
    public static synchronized RuleTally tally() {
        RuleTally t = new RuleTally();
        ENTRIES.stream().filter(Entry::tallied).forEach(e -> t.add(e.score()));
        return t;
    }
}
