package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The VOC analyzer drifts by {@code mgM3PerDay} each day of the window (VOC rules).
 *
 * @param target the stack
 * @param window when it drifts
 * @param mgM3PerDay drift rate
 */
public record AnalyzerDrift(String target, Window window, double mgM3PerDay) implements Fault {

    public AnalyzerDrift {
        if (!Double.isFinite(mgM3PerDay)) {
            throw new IllegalArgumentException("drift must be a finite number of mg/m³ a day, got " + mgM3PerDay);
        }
    }

    @Override
    public String kind() {
        return "analyzer-drift";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("VOC-05");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
