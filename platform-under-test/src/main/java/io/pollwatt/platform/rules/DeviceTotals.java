package io.pollwatt.platform.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The energy totals a point's device sent itself (DQ-20): the {@code -Cou} of the energy item EP_IMPORT in its
 * hourly (2061) and daily (2031) records, kWh, by the period's start (D1: DataTime = start of the hour or day).
 *
 * @param hourly by the hour's start
 * @param daily by the day
 */
public record DeviceTotals(Map<LocalDateTime, BigDecimal> hourly, Map<LocalDate, BigDecimal> daily) {

    private static final DeviceTotals NONE = new DeviceTotals(Map.of(), Map.of());

    public DeviceTotals {
        hourly = Map.copyOf(Objects.requireNonNull(hourly, "hourly"));
        daily = Map.copyOf(Objects.requireNonNull(daily, "daily"));
    }

    /** No device-sent totals. */
    public static DeviceTotals none() {
        return NONE;
    }

    public boolean isEmpty() {
        return hourly.isEmpty() && daily.isEmpty();
    }
}
