package io.pollwatt.twin.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stack's VOC analyzer at one instant (domain-rules §1.3): what it reports beside the true TVOC.
 *
 * @param stackId the stack
 * @param at the instant
 * @param tvocMgM3 reported TVOC (drift and faults applied)
 * @param trueTvocMgM3 true TVOC
 * @param velocityMs flue-gas velocity
 * @param temperatureC flue-gas temperature
 * @param pressureKpa flue-gas static pressure
 * @param humidityPercent flue-gas humidity
 * @param faults kinds of the faults active on this stack
 */
public record StackSample(
        String stackId,
        Instant at,
        double tvocMgM3,
        double trueTvocMgM3,
        double velocityMs,
        double temperatureC,
        double pressureKpa,
        double humidityPercent,
        List<String> faults) {

    public StackSample {
        Objects.requireNonNull(stackId, "stackId");
        Objects.requireNonNull(at, "at");
        faults = List.copyOf(faults);
    }
}
