package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A treatment fan run slow (降频, §10 row 5): power follows the cube of speed (EM-10), 70 % speed → 0.34·P.
 *
 * @param target the TREAT point
 * @param window when it runs slow
 * @param speedRatio fan speed ÷ rated, (0, 1)
 */
public record TreatmentUnderLoad(String target, Window window, double speedRatio) implements Fault {

    public TreatmentUnderLoad {
        if (!(speedRatio > 0 && speedRatio < 1)) {
            throw new IllegalArgumentException("speed ratio must be in (0, 1), got " + speedRatio);
        }
    }

    /** The power factor on the load: speed³. */
    public double powerRatio() {
        return speedRatio * speedRatio * speedRatio;
    }

    @Override
    public String kind() {
        return "treatment-under-load";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("ALM-04");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("ALM-01");
    }
}
