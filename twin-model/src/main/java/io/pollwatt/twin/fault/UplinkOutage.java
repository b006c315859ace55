package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The DTU loses its 4G uplink and resends what it stored when it returns (§10 row 10: DQ-06 closed as
 * recovered by resend). Acted out by the emulated DTU.
 *
 * @param target the point whose DTU loses the uplink
 * @param window the outage
 */
public record UplinkOutage(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "uplink-outage";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-06");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of("DQ-05");
    }
}
