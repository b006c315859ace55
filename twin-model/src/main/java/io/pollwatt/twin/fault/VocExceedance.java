package io.pollwatt.twin.fault;

import java.util.List;

/**
 * Stack TVOC above its limit: the process emits {@code factor} times its usual load (VOC rules).
 *
 * @param target the stack
 * @param window when it exceeds
 * @param factor multiplier on the raw TVOC
 */
public record VocExceedance(String target, Window window, double factor) implements Fault {

    public VocExceedance {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("exceedance factor must be positive, got " + factor);
        }
    }

    @Override
    public String kind() {
        return "voc-exceedance";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("VOC-01");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
