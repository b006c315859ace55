package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A treatment point that starts {@code startDelay} after its production starts and stops {@code stopAdvance}
 * before production stops (§10 rows 2–3: ALM-02 late start, ALM-03 early stop).
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

    @Override
    public List<String> expectedRules() {
        List<String> rules = new java.util.ArrayList<>();
        if (!startDelay.isZero()) {
            rules.add("ALM-02");
        }
        if (!stopAdvance.isZero()) {
            rules.add("ALM-03");
        }
        return List.copyOf(rules);
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("ALM-01");
    }
}
