package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A sub-point fed from a second transformer outside the main incomer, so the main does not carry its load (§10
 * row 23: DQ-11).
 *
 * @param target the sub-point
 * @param window when it is fed so
 */
public record FedOutsideMain(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "fed-outside-main";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-11");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
