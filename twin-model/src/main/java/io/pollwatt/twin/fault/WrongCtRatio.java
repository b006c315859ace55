package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The ratio configured in the meter is not the installed CT's, or is applied twice (EM-04; §10 rows 16–17, the seed's
 * "huge main-meter data"): I, P, Q, S and E are scaled by {@code factor}.
 *
 * @param target the point
 * @param window when the ratio is wrong
 * @param factor configured ÷ actual (5 for 1000/5 on a 200/5 CT), or K_CT when applied twice
 * @param mainIncomer whether the point is a MAIN incomer: there the sub-points fall short of it (DQ-14, row 16);
 *     on a sub-meter its energy exceeds the physical cap and the main (DQ-10, DQ-11, row 17)
 */
public record WrongCtRatio(String target, Window window, double factor, boolean mainIncomer) implements Fault {

    public WrongCtRatio {
        if (!(factor > 0) || factor == 1) {
            throw new IllegalArgumentException("a wrong ratio scales by a positive factor other than 1, got " + factor);
        }
    }

    @Override
    public String kind() {
        return "wrong-ct-ratio";
    }

    @Override
    public List<String> expectedRules() {
        return mainIncomer ? List.of("DQ-14") : List.of("DQ-10", "DQ-11");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
