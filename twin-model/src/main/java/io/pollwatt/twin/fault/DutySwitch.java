package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The duty treatment member stops and the standby takes over at the next sample (主备切换, §10 row 6: nothing may
 * fire).
 *
 * @param target the duty member that stops
 * @param window while the standby runs instead
 */
public record DutySwitch(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "duty-switch";
    }

    @Override
    public List<String> expectedRules() {
        return List.of();
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("ALM-01", "ALM-03");
    }
}
