package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The meter is replaced and its import register restarts at zero (§10 row 18: DQ-07).
 *
 * @param target the point
 * @param window the instant of replacement is its start; the register counts on from zero afterwards
 */
public record RegisterReset(String target, Window window) implements Fault {
    @Override
    public String kind() {
        return "register-reset";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-07");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
