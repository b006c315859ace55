package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rollover and jump tests need to know of a point's energy register (EM-07, DQ-13).
 *
 * @param max where the register wraps (E_max, 999 999.99 kWh for DL/T 645 style registers)
 * @param resolution its last digit (ε, 0.01 kWh)
 * @param capPerHour the physical cap: {@code dq.physicalCapFactor} × S_rated, in kWh per hour; no more energy
 *     than this can pass the meter in an hour; absent when the archive does not give S_rated
 */
public record Register(BigDecimal max, BigDecimal resolution, Optional<BigDecimal> capPerHour) {
    public Register {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(capPerHour, "capPerHour");
        if (max.signum() <= 0 || resolution.signum() <= 0) {
            throw new IllegalArgumentException("register max and resolution must be positive");
        }
    }

    /** A DL/T 645 style register, 999 999.99 kWh in steps of 0.01, with the cap if known. */
    public static Register dlt645(BigDecimal capPerHour) {
        return new Register(new BigDecimal("999999.99"), new BigDecimal("0.01"), Optional.ofNullable(capPerHour));
    }
}
