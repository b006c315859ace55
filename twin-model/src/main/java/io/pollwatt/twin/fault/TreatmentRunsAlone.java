package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A treatment point running while its production is off (purging, maintenance runs; §10 row 27): nothing may fire.
 *
 * @param target the TREAT point
 * @param window when it runs alone
 */
public record TreatmentRunsAlone(String target, Window window) implements Fault {
    @Override
    public String kind() {
        return "treatment-runs-alone";
    }

    @Override
    public List<String> expectedRules() {
        return List.of();
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("ALM-*");
    }
}
