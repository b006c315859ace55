package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The import register stands just below its maximum when the window starts, so it rolls over to zero during the
 * run (EM-07; §10 row 19: nothing may fire, the interval energy must stay right).
 *
 * @param target the point
 * @param window the register is set at its start
 * @param belowMaxKwh how far below the maximum it is set
 */
public record RegisterNearMax(String target, Window window, double belowMaxKwh) implements Fault {

    public RegisterNearMax {
        if (!(belowMaxKwh > 0)) {
            throw new IllegalArgumentException(
                    "the register is set a positive amount below its maximum, got " + belowMaxKwh);
        }
    }

    @Override
    public String kind() {
        return "register-rollover";
    }

    @Override
    public List<String> expectedRules() {
        return List.of();
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("DQ-07");
    }
}
