package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;

/**
 * An hour's or a day's energy, kWh, from both readings of AGG-03 where they were received.
 *
 * @param published the total the platform publishes (from the configured source), without excluded steps;
 *     {@code null} when it cannot be computed (a boundary reading missing)
 * @param partial whether something is missing or excluded: not a complete value
 * @param raw from the register with every step included (negative and jumps too): what the daily energy rules
 *     test (AGG-02); {@code null} without both boundary readings
 * @param register from the register, without excluded steps; {@code null} without both boundary readings
 * @param intervals the sum of the interval totals received; {@code null} when none was
 */
public record Energy(BigDecimal published, boolean partial, BigDecimal raw, BigDecimal register, BigDecimal intervals) {

    /** Whether the value is complete (not partial). */
    public boolean complete() {
        return !partial && published != null;
    }
}
