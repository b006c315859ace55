package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The LoRa link between a meter and its DTU loses polls with {@code lossProbability}; a lost poll leaves a gap the DTU
 * marks. Acted out by the emulated link.
 *
 * @param target the point whose link loses packets
 * @param window when it does
 * @param lossProbability share of polls lost, [0, 1]
 */
public record LoraLoss(String target, Window window, double lossProbability) implements Fault {

    public LoraLoss {
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("loss probability must be in [0, 1], got " + lossProbability);
        }
    }

    @Override
    public String kind() {
        return "lora-loss";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-05");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
