package io.pollwatt.platform.aggregate;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A data-quality finding of the aggregation, for the rules to raise: negative energy (DQ-07), a reading jump
 * (DQ-13), a time-stamp problem (DQ-18), register and interval totals that disagree (DQ-20).
 *
 * @param rule the rulebook id
 * @param time the DataTime it concerns
 * @param detail what was found, with the values
 */
public record Finding(String rule, LocalDateTime time, String detail) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detail, "detail");
    }
}
