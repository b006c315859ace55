package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A treatment point stopped while its production runs (§10 rows 1 and 4: ALM-01).
 *
 * @param target the TREAT point
 * @param window when it is off
 */
public record TreatmentOff(String target, Window window) implements Fault {
    @Override
    public String kind() {
        return "treatment-off";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("ALM-01");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("DQ-*");
    }
}
