package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The energy between two consecutive register readings (AGG-02; one interval, or several across missing
 * readings).
 *
 * @param from the earlier reading's grid instant
 * @param to the later reading's grid instant
 * @param delta the energy, kWh: the difference, or across a rollover E_max − E_prev + E_now + resolution
 * @param kind how the rollover and jump tests judged it
 */
public record EnergyStep(LocalDateTime from, LocalDateTime to, BigDecimal delta, Kind kind) {

    /** The verdict of EM-07 and DQ-13 on a step. */
    public enum Kind {
        /** Non-decreasing (or down by no more than the resolution) and within the physical cap. */
        NORMAL,
        /** The register wrapped at its maximum; {@code delta} is the energy across the wrap. */
        ROLLOVER,
        /** Down by more than the resolution and not a rollover: a reset or replaced meter (DQ-07). */
        NEGATIVE,
        /** More energy than can physically pass the meter in the time (DQ-13). */
        JUMP;

        /** Whether the step counts in published totals. */
        public boolean published() {
            return this == NORMAL || this == ROLLOVER;
        }
    }
}
