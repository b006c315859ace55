package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A treatment point that starts {@code startDelay} after its production starts and stops {@code stopAdvance}
 * before production stops (§10 rows 2–3: ALM-02 late start, ALM-03 early stop, for shifts of one sample; from 30
 * min on the episode is a "not running" one, ALM-01, domain-rules §4).
 *
 * @param target the TREAT point
 * @param window when it behaves so
 * @param startDelay how late it starts after production (zero: on time)
 * @param stopAdvance how early it stops before production (zero: on time)
 */
public record TreatmentShifted(
        String target, Window window, java.time.Duration startDelay, java.time.Duration stopAdvance) implements Fault {

    @Override
    public String kind() {
        return "treatment-shifted";
    }

    /**
     * How long a late start or early stop may be and still be its own rule (domain-rules §4, the episode classes):
     * one 15-minute sample, {@code alm.shortEpisodeMaxMin}'s default. Longer ones are "not running" episodes, ALM-01
     * (with subtype lateStart or earlyStop) once they reach {@code alm.notRunningMinMin}, 30 min.
     */
    static final java.time.Duration SHORT_EPISODE = java.time.Duration.ofMinutes(15);

    /** ALM-01's duration at the rulebook's default: from two samples on, a shifted start or stop is ALM-01. */
    static final java.time.Duration NOT_RUNNING = java.time.Duration.ofMinutes(30);

    @Override
    public List<String> expectedRules() {
        List<String> rules = new java.util.ArrayList<>();
        if (!startDelay.isZero()) {
            rules.add(startDelay.compareTo(NOT_RUNNING) >= 0 ? "ALM-01" : "ALM-02");
        }
        if (!stopAdvance.isZero()) {
            String rule = stopAdvance.compareTo(NOT_RUNNING) >= 0 ? "ALM-01" : "ALM-03";
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * ALM-01 must not fire for a shift of up to one sample. Between one and two samples (15–30 min) the class
     * depends on where the switching falls between two polls, so nothing is forbidden there.
     */
    @Override
    public List<String> mustNotFire() {
        boolean shortOnly = startDelay.compareTo(SHORT_EPISODE) <= 0 && stopAdvance.compareTo(SHORT_EPISODE) <= 0;
        return shortOnly ? List.of("ALM-01") : List.of();
    }
}
