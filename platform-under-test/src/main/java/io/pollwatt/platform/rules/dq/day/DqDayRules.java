package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.rules.Rule;
import java.util.List;

/** The day- and energy-level data-quality rules and ALM-10, in the order they run. */
public final class DqDayRules {

    private DqDayRules() {}

    public static List<Rule> all() {
        return List.of(
                new NegativeEnergy(),
                new EnergyPowerMismatch(),
                new LargeEnergy(),
                new SubOverMain(),
                new ReadingJump(),
                new SubMainRatio(),
                new WrongCircuit(),
                new TimeStamps(),
                new RegisterIntervalMismatch(),
                new DeviceTotalsMismatch(),
                new NightStopping());
    }
}
