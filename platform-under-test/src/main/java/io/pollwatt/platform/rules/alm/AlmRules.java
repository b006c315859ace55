package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Rule;
import java.util.List;

/** The operating and compliance rules, in the order they run. */
public final class AlmRules {

    private AlmRules() {}

    public static List<Rule> all() {
        return List.of(
                new TreatmentNotRunning(),
                LateStart.lateStart(),
                LateStart.earlyStop(),
                new TreatmentUnderloaded(),
                new OverLimit(),
                ProductionInStop.stop(),
                new LimitExceeded(),
                ProductionInStop.offPeak(),
                new StandbyIdle(),
                new Outage());
    }
}
