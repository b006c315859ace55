package io.pollwatt.twin.fault;

import java.util.List;

/**
 * One phase's voltage is lost at the meter (missing neutral, blown fuse; §10 row 25: DQ-17).
 *
 * @param target the point
 * @param window when the voltage is missing
 * @param phase 'a', 'b' or 'c'
 */
public record PhaseVoltageLost(String target, Window window, char phase) implements Fault {

    public PhaseVoltageLost {
        if (phase != 'a' && phase != 'b' && phase != 'c') {
            throw new IllegalArgumentException("phase must be a, b or c, got " + phase);
        }
    }

    @Override
    public String kind() {
        return "phase-voltage-lost";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-17");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
