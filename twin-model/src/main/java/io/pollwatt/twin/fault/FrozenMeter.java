package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The meter repeats the values it had when the fault began (§10 row 21: DQ-12).
 *
 * @param target the point
 * @param window when it is frozen
 */
public record FrozenMeter(String target, Window window) implements Fault {
    @Override
    public String kind() {
        return "frozen-meter";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-12");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
