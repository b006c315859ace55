package io.pollwatt.twin.site;

import java.util.Objects;

/**
 * A multi-function meter (多功能电表) on a circuit, as installed: the CT it sits on and the ratio configured in it
 * (D7: meters report primary values, the ratio is configured in the meter; a "wrong CT ratio" is a configured ratio
 * that differs from the installed CT), its accuracy and register limit.
 *
 * @param id meter id, unique in the enterprise
 * @param installedCt the CT actually on the circuit
 * @param configuredCt the ratio configured in the meter
 * @param accuracyPercent measurement error bound for U, I and P (±2 % by the seed)
 * @param registerMaxKwh the energy register's maximum before it wraps (EM-07)
 * @param energy which register the meter reports as its energy reading
 */
public record Meter(
        String id,
        CtRatio installedCt,
        CtRatio configuredCt,
        double accuracyPercent,
        double registerMaxKwh,
        ReportedEnergy energy) {

    public Meter {
        Ids.check(id, "meter id");
        Objects.requireNonNull(installedCt, "installedCt");
        Objects.requireNonNull(configuredCt, "configuredCt");
        Objects.requireNonNull(energy, "energy");
        if (!(accuracyPercent >= 0 && accuracyPercent <= 10)) {
            throw new IllegalArgumentException("meter " + id + ": accuracy must be 0..10 %, got " + accuracyPercent);
        }
        if (!(registerMaxKwh > 0)) {
            throw new IllegalArgumentException("meter " + id + ": register maximum must be positive");
        }
    }

    /** A meter that reports its import register, the common case. */
    public Meter(String id, CtRatio installedCt, CtRatio configuredCt, double accuracyPercent, double registerMaxKwh) {
        this(id, installedCt, configuredCt, accuracyPercent, registerMaxKwh, ReportedEnergy.IMPORT);
    }

    /** A correctly configured meter of ±2 % with a DL/T 645 register. */
    public static Meter of(String id, CtRatio ct) {
        return new Meter(id, ct, ct, 2, 999_999.99);
    }

    /** configured ÷ installed: the factor a wrong ratio puts on I, P, Q, S and E (EM-04); 1 when right. */
    public double ratioError() {
        return configuredCt.factor() / installedCt.factor();
    }
}
