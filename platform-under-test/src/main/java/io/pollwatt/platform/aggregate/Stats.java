package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Mean, minimum and maximum of the values of one quantity in an hour (AGG-04), or of a day's valid hourly means
 * with the day's maximum realtime value (AGG-05).
 *
 * @param count how many values (records in the hour; valid hours in the day)
 * @param mean their mean, to 16 significant digits
 * @param min the smallest value
 * @param max the largest value (a day's: the largest realtime value of the day, P_max,D for power)
 */
public record Stats(int count, BigDecimal mean, BigDecimal min, BigDecimal max) {

    /** The statistics of {@code values} (not empty). */
    static Stats of(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min = values.get(0);
        BigDecimal max = values.get(0);
        for (BigDecimal v : values) {
            sum = sum.add(v);
            min = min.min(v);
            max = max.max(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        return new Stats(values.size(), mean, min, max);
    }
}
