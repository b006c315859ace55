package io.pollwatt.platform.rules;

/**
 * One rule of the rulebook. Rules are pure: they read an {@link Evaluation} and report {@link Finding}s; the same
 * data give the same findings, streamed or replayed over a stored range.
 */
public interface Rule {

    /** The rulebook id ({@code ALM-01}, {@code DQ-08}, …). */
    String id();

    /** The version of this implementation; bumped when what it finds changes. */
    int version();

    /** When it runs: {@link Stage#SAMPLE} checks run before the states, since their findings make samples NO_DATA. */
    default Stage stage() {
        return Stage.STATE;
    }

    /**
     * How many days before what it judges the rule needs to see (a baseline, a median, a run of days); 0 when the
     * evaluation's day of warm-up is enough. The rule service loads that much once a day (and hourly inside control
     * periods) and leaves the rule's alarms alone in its shorter evaluations.
     */
    default int lookbackDays(RuleConfig.Values config) {
        return 0;
    }

    /** Evaluates the rule over {@code e}, reporting what it finds to {@code out}. */
    void evaluate(Evaluation e, Findings out);

    /** The order rules run in. */
    enum Stage {
        /** Per-sample checks whose open findings change the states (DQ-08 fallback, DQ-12 and DQ-17 NO_DATA). */
        SAMPLE,
        /** Everything that reads states. */
        STATE
    }
}
