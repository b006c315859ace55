package io.pollwatt.twin.site;

import java.time.Duration;
import java.util.Objects;

/**
 * How a facility draws power while it runs (domain-rules EM-08, EM-09): its rated power and power factor, and the
 * shape of its load. Idle draw is what a running-but-unloaded machine takes (an idling motor: low P at PF ≈ 0.15).
 *
 * @param shape the load's behaviour
 * @param ratedKw rated (typical running) power
 * @param powerFactor PF at load, (0, 1]
 * @param variationPercent process variation around the load, ± % (fans ±3–5 %)
 * @param cycle period of a cyclic or thermostatic load ({@link Duration#ZERO} for steady ones)
 * @param dutyCycle fraction of the cycle at full load, (0, 1]
 * @param idleKw draw between cycles (and while idling)
 */
public record LoadProfile(
        Shape shape,
        double ratedKw,
        double powerFactor,
        double variationPercent,
        Duration cycle,
        double dutyCycle,
        double idleKw) {

    /** Load behaviours of EM-08. */
    public enum Shape {
        /** Fans, pumps, UV units, electrostatic oil-mist removal, spray booths: steady while running. */
        STEADY,
        /** Injection moulding, batch processes: full load for a duty fraction of each cycle, idle otherwise. */
        CYCLIC,
        /** Drying ovens, catalytic heaters: on/off on a thermostat, resistive (PF ≈ 1); must not read as stopped. */
        THERMOSTATIC,
        /** Machining, dosing pumps: on and off at random within the running period. */
        INTERMITTENT
    }

    public LoadProfile {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(cycle, "cycle");
        if (!(ratedKw > 0)) {
            throw new IllegalArgumentException("rated power must be positive, got " + ratedKw);
        }
        if (!(powerFactor > 0 && powerFactor <= 1)) {
            throw new IllegalArgumentException("power factor must be in (0, 1], got " + powerFactor);
        }
        if (variationPercent < 0 || variationPercent > 50) {
            throw new IllegalArgumentException("variation must be 0..50 %, got " + variationPercent);
        }
        if (!(dutyCycle > 0 && dutyCycle <= 1)) {
            throw new IllegalArgumentException("duty cycle must be in (0, 1], got " + dutyCycle);
        }
        if (idleKw < 0 || idleKw > ratedKw) {
            throw new IllegalArgumentException("idle draw must be 0..rated, got " + idleKw);
        }
        if (shape != Shape.STEADY && (cycle.toMinutes() < 1 || cycle.toSeconds() % 60 != 0)) {
            // the twin steps in whole minutes: a shorter cycle would silently read as a steady full load
            throw new IllegalArgumentException(
                    shape + " load needs a cycle of whole minutes, at least 1, got " + cycle);
        }
    }

    /** A steady load (fan, pump) of {@code ratedKw} at {@code powerFactor}, ±4 %. */
    public static LoadProfile steady(double ratedKw, double powerFactor) {
        return new LoadProfile(Shape.STEADY, ratedKw, powerFactor, 4, Duration.ZERO, 1, 0);
    }
}
