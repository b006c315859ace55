package io.pollwatt.platform.state;

/**
 * The state keys of domain-rules Appendix A with the rulebook's defaults.
 *
 * @param hysteresisRatio h of ST-03: a point that is on stays on down to (1 − h)·P_on ({@code state.hysteresisRatio})
 * @param debounceSamples consecutive samples a new state needs before it is accepted ({@code state.debounceSamples})
 * @param pFloorKw the lowest meaningful power, kW ({@code state.pFloorKw})
 * @param prodOnRatio default P_on of a production point, × P_ref ({@code state.prodOnRatio})
 * @param treatOnRatio default P_on of a treatment point, × P_ref ({@code state.treatOnRatio})
 * @param lowLoadRatio a treatment point below this × P_ref is LOW ({@code state.lowLoadRatio})
 * @param highRatio default P_hi, × P_ref ({@code state.highRatio})
 * @param fallbackPf the power factor that turns P_on into a current threshold under the fallback
 *     ({@code state.fallbackPf})
 */
public record StateSettings(
        double hysteresisRatio,
        int debounceSamples,
        double pFloorKw,
        double prodOnRatio,
        double treatOnRatio,
        double lowLoadRatio,
        double highRatio,
        double fallbackPf) {

    public StateSettings {
        check(hysteresisRatio >= 0 && hysteresisRatio < 1, "state.hysteresisRatio", "0 ≤ h < 1", hysteresisRatio);
        check(debounceSamples >= 1, "state.debounceSamples", "at least 1", debounceSamples);
        check(pFloorKw >= 0, "state.pFloorKw", "at least 0", pFloorKw);
        check(prodOnRatio > 0 && prodOnRatio <= 1, "state.prodOnRatio", "in (0, 1]", prodOnRatio);
        check(treatOnRatio > 0 && treatOnRatio <= 1, "state.treatOnRatio", "in (0, 1]", treatOnRatio);
        check(lowLoadRatio > 0 && lowLoadRatio <= 1, "state.lowLoadRatio", "in (0, 1]", lowLoadRatio);
        check(highRatio > 1, "state.highRatio", "above 1", highRatio);
        check(fallbackPf > 0 && fallbackPf <= 1, "state.fallbackPf", "in (0, 1]", fallbackPf);
    }

    private static void check(boolean ok, String key, String expected, Object got) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + expected + ", got " + got);
        }
    }

    /** The rulebook's defaults. */
    public static StateSettings defaults() {
        return new StateSettings(0.2, 1, 0.2, 0.2, 0.1, 0.5, 1.1, 0.85);
    }
}
