package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One value of one quantity of a point at a DataTime (local, as the device stamps it), exact as sent.
 *
 * @param time the record's DataTime
 * @param value the value; a register reading in kWh, an interval total in kWh, or an instantaneous quantity
 */
public record Reading(LocalDateTime time, BigDecimal value) {
    public Reading {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
    }

    /** A reading from literal text ({@code "1234.56"}). */
    public static Reading of(LocalDateTime time, String value) {
        return new Reading(time, new BigDecimal(value));
    }
}
