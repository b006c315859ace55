package io.pollwatt.report.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One day of an enterprise's energy balance (AGG-05): the main meter against its sub-meters.
 *
 * @param subMeterKwh sub-meter label → kWh, kept in the given order (the order of the stack in the chart)
 */
public record EnergyDay(LocalDate date, double mainKwh, Map<String, Double> subMeterKwh) {
    public EnergyDay {
        Require.present("EnergyDay", "date", date);
        Require.present("EnergyDay", "subMeterKwh", subMeterKwh);
        subMeterKwh.forEach((label, kwh) -> {
            Require.text("EnergyDay " + date, "subMeterKwh label", label);
            Require.present("EnergyDay " + date, "subMeterKwh[" + label + "]", kwh);
        });
        subMeterKwh = Collections.unmodifiableMap(new LinkedHashMap<>(subMeterKwh));
    }

    /** Σ sub-meters, compared with the main meter by DQ-11. */
    public double subMeterTotalKwh() {
        return subMeterKwh.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
