package io.pollwatt.platform.aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point's readings as received, in arrival order (the first of two records for one grid instant is the one
 * kept, DQ-18).
 *
 * @param register the cumulative import register (the energy item's {@code -Rtd} in 2011)
 * @param intervalTotals the 15-minute energy totals (the energy item's {@code -Cou} in 2051, DataTime = start)
 * @param quantities instantaneous quantities by name (P, I, U, PF, …: the {@code -Rtd} values of 2011)
 * @param meter the register's range, resolution and physical cap
 */
public record PointInput(
        List<Reading> register, List<Reading> intervalTotals, Map<String, List<Reading>> quantities, Register meter) {
    public PointInput {
        register = List.copyOf(register);
        intervalTotals = List.copyOf(intervalTotals);
        quantities = Map.copyOf(quantities);
        Objects.requireNonNull(meter, "meter");
    }
}
