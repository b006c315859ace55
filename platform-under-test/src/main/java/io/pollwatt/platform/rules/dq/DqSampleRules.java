package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Rule;
import java.util.List;

/**
 * The data-quality rules on samples, configuration and devices, in the order they run: the per-sample checks whose
 * open findings change the states first (DQ-08 fallback, DQ-12 and DQ-17 NO_DATA), then the archive and device
 * findings, then the rules that read states.
 */
public final class DqSampleRules {

    private DqSampleRules() {}

    public static List<Rule> all() {
        return List.of(
                new NegativePower(),
                new SignAlternation(),
                new ConstantValue(),
                new ElectricalSanity(),
                MissingPoints.noPoints(),
                MissingPoints.noMain(),
                MissingPoints.noProduction(),
                MissingPoints.noTreatment(),
                new NoFirstData(),
                new Offline(),
                new GarbledTransmission(),
                new UnregisteredPoints(),
                new BeyondRetention(),
                new WiringModeMismatch(),
                new SubOverMain(),
                new RatioStep());
    }
}
