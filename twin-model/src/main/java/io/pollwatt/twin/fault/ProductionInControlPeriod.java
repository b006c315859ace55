package io.pollwatt.twin.fault;

import java.util.List;

/**
 * A production point runs at {@code loadRatio} of its rated load although a control period says stop or limit
 * (§10 rows 7–8: ALM-06 in a STOP window, ALM-07 above a LIMIT ratio).
 *
 * @param target the PROD point
 * @param window when it runs against the control period
 * @param loadRatio its load ÷ rated while it does, (0, 1.5]
 * @param limit true for a LIMIT period (ALM-07), false for STOP (ALM-06)
 */
public record ProductionInControlPeriod(String target, Window window, double loadRatio, boolean limit)
        implements Fault {

    public ProductionInControlPeriod {
        if (!(loadRatio > 0 && loadRatio <= 1.5)) {
            throw new IllegalArgumentException("load ratio must be in (0, 1.5], got " + loadRatio);
        }
    }

    @Override
    public String kind() {
        return limit ? "production-above-limit" : "production-in-stop";
    }

    @Override
    public List<String> expectedRules() {
        return List.of(limit ? "ALM-07" : "ALM-06");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
