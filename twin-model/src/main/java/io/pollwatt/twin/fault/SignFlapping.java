package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The meter outputs power with a sign that flaps from sample to sample (absolute-value wiring, negative values read
 * as unsigned; the seed; §10 row 30: DQ-08c).
 *
 * @param target the point
 * @param window when it flaps
 */
public record SignFlapping(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "sign-flapping";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-08c");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
