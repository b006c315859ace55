package io.pollwatt.twin.electric;

/**
 * How a meter's view differs from the truth because of how it was installed or configured (EM-04, EM-05): CTs
 * reversed per phase, current and voltage scaled by a wrong or twice-applied ratio. {@link #NORMAL} is a correct
 * installation.
 *
 * @param reversedA phase-a CT reversed (3P3W: element 1, Ia)
 * @param reversedB phase-b CT reversed (3P4W only; 3P3W does not measure Ib)
 * @param reversedC phase-c CT reversed (3P3W: element 2, Ic)
 * @param currentScale factor on every current and power: configured ÷ actual CT ratio (×5 for 1000/5 entered on a
 *     200/5 CT), or K_CT when the ratio is applied twice; 1 when correct
 * @param voltageScale factor on every voltage and power: K_PT when a PT ratio is applied twice; 1 when correct
 */
public record MeterCondition(
        boolean reversedA, boolean reversedB, boolean reversedC, double currentScale, double voltageScale) {

    /** A correct installation. */
    public static final MeterCondition NORMAL = new MeterCondition(false, false, false, 1, 1);

    public MeterCondition {
        if (!(currentScale > 0) || !(voltageScale > 0)) {
            throw new IllegalArgumentException(
                    "scales must be positive, got current " + currentScale + ", voltage " + voltageScale);
        }
    }

    /** The same condition with the given phases reversed as well. */
    public MeterCondition withReversed(boolean a, boolean b, boolean c) {
        return new MeterCondition(reversedA || a, reversedB || b, reversedC || c, currentScale, voltageScale);
    }

    /** The same condition with the current scaled by a further factor. */
    public MeterCondition withCurrentScale(double factor) {
        return new MeterCondition(reversedA, reversedB, reversedC, currentScale * factor, voltageScale);
    }
}
