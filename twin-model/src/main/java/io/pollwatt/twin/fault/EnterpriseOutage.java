package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The enterprise loses supply: every voltage and current is zero (§10 row 9: ALM-11, association alarms
 * suppressed).
 *
 * @param target the enterprise id
 * @param window the outage
 */
public record EnterpriseOutage(String target, Window window) implements Fault {
    @Override
    public String kind() {
        return "enterprise-outage";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("ALM-11");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("ALM-01");
    }
}
