package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The import register jumps by {@code jumpKwh} (§10 row 20: DQ-13, DQ-09, DQ-10).
 *
 * @param target the point
 * @param window the jump happens at its start
 * @param jumpKwh the jump, kWh
 */
public record RegisterJump(String target, Window window, double jumpKwh) implements Fault {

    public RegisterJump {
        if (!(jumpKwh > 0)) {
            throw new IllegalArgumentException("a register jump is positive, got " + jumpKwh);
        }
    }

    @Override
    public String kind() {
        return "register-jump";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-13", "DQ-09", "DQ-10");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
