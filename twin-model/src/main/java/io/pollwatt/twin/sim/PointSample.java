package io.pollwatt.twin.sim;

import io.pollwatt.twin.electric.InstantValues;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One point at one grid instant: what its meter shows (instantaneous values and registers, faults applied) beside the
 * truth (true power and state, the faults active).
 *
 * @param pointId the point
 * @param at the instant
 * @param measured the meter's instantaneous values
 * @param importKwh the energy reading the meter reports: its import register, or import − export on a combined-energy
 *     meter ({@link io.pollwatt.twin.site.ReportedEnergy}); it can fall below zero there
 * @param exportKwh the meter's export register
 * @param trueKw the true active power
 * @param trueEnergyKwh the true energy through the circuit since the run began (∫P dt)
 * @param trueState the true state
 * @param faults kinds of the faults active on this point
 */
public record PointSample(
        String pointId,
        Instant at,
        InstantValues measured,
        double importKwh,
        double exportKwh,
        double trueKw,
        double trueEnergyKwh,
        TrueState trueState,
        List<String> faults) {

    public PointSample {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(trueState, "trueState");
        faults = List.copyOf(faults);
    }
}
