package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The meter archived for {@code target} actually sits on the circuit of {@code actualPointId} (the seed: a
 * treatment meter on a production circuit; §10 row 22: DQ-16, ALM-01 may be missed).
 *
 * @param target the archived point
 * @param window when the meter is there
 * @param actualPointId the point whose circuit it measures
 */
public record MeterOnWrongCircuit(String target, Window window, String actualPointId) implements Fault {

    @Override
    public String kind() {
        return "meter-on-wrong-circuit";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-16");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
