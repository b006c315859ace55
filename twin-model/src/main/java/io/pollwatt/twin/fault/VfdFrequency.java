package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The meter is installed on a variable-frequency drive output, so it sees the drive frequency (§10 row 32: DQ-17).
 *
 * @param target the point
 * @param window when the drive runs so
 * @param frequencyHz the drive output frequency
 */
public record VfdFrequency(String target, Window window, double frequencyHz) implements Fault {

    public VfdFrequency {
        if (!(frequencyHz > 0 && frequencyHz <= 400)) {
            throw new IllegalArgumentException("drive frequency must be in (0, 400] Hz, got " + frequencyHz);
        }
    }

    @Override
    public String kind() {
        return "vfd-output";
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
