package io.pollwatt.twin.site;

import java.util.OptionalDouble;

/**
 * The judgement limits (判定限值) an enterprise entered for a point (domain-rules §1.2); any may be absent, and the
 * platform then derives defaults (ST-04). The twin holds what was archived, which may differ from the truth.
 *
 * @param pOnKw start/stop threshold P_on (启停阈值)
 * @param pRefKw reference running power P_ref
 * @param pHiKw upper limit P_hi
 * @param lowLoadRatio r_low for treatment points
 */
public record JudgementLimits(
        OptionalDouble pOnKw, OptionalDouble pRefKw, OptionalDouble pHiKw, OptionalDouble lowLoadRatio) {

    /** Nothing entered. */
    public static final JudgementLimits NONE = new JudgementLimits(
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public JudgementLimits {
        check(pOnKw, "P_on");
        check(pRefKw, "P_ref");
        check(pHiKw, "P_hi");
        if (lowLoadRatio.isPresent() && !(lowLoadRatio.getAsDouble() > 0 && lowLoadRatio.getAsDouble() < 1)) {
            throw new IllegalArgumentException("r_low must be in (0, 1), got " + lowLoadRatio.getAsDouble());
        }
    }

    /** Only a start/stop threshold entered. */
    public static JudgementLimits onThreshold(double pOnKw) {
        return new JudgementLimits(
                OptionalDouble.of(pOnKw), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static void check(OptionalDouble v, String what) {
        if (v.isPresent() && !(v.getAsDouble() > 0)) {
            throw new IllegalArgumentException(what + " must be positive kW, got " + v.getAsDouble());
        }
    }
}
