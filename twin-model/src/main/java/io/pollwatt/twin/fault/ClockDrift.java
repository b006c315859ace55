package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The device clock runs off by {@code offset} (§10 row 26: DQ-18). The twin records it; the emulated DTU acts it out.
 *
 * @param target the point whose device drifts
 * @param window when the clock is off
 * @param offset how far ahead (positive) or behind
 */
public record ClockDrift(String target, Window window, java.time.Duration offset) implements Fault {

    @Override
    public String kind() {
        return "clock-drift";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-18");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
