package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The DTU's store-and-forward resend (断点续传) is switched off: what it could not deliver live it keeps in its store,
 * and answers a history request (2051/2061/2031 with BeginTime/EndTime) from it, but never resends by itself. With an
 * {@link UplinkOutage} this leaves a gap that only a platform asking for it (active gap fill) closes. Acted out by
 * the emulated DTU; nothing of its own for the rules to raise.
 *
 * @param target the point whose DTU has resend off
 * @param window the records (by DataTime) it does not resend
 */
public record ResendOff(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "resend-off";
    }

    @Override
    public List<String> expectedRules() {
        return List.of();
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
