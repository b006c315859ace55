package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The device was never given its MN and sends its factory default (§10 row 11: DQ-15 and DQ-05). Acted out by the
 * emulated DTU.
 *
 * @param target the point whose device sends the default MN
 * @param window when it does
 */
public record MnNotDelivered(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "mn-not-delivered";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-15", "DQ-05");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
