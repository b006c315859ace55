package io.pollwatt.platform.state;

import java.util.List;
import java.util.OptionalDouble;

/**
 * ST-04: the reference power a point typically runs at, from its samples over the window ({@code
 * state.refWindowDays}, 60 days): samples below P_floor dropped, those at or above their mean kept, and of those
 * the most populated bin (width 1 % of the window's maximum; a tie goes to the higher bin), its centre.
 */
public final class ReferencePower {

    private ReferencePower() {}

    /** P_ref of {@code samplesKw}; empty when no sample reaches {@code pFloorKw}. */
    public static OptionalDouble of(List<Double> samplesKw, double pFloorKw) {
        double max = 0;
        double sum = 0;
        int count = 0;
        for (double p : samplesKw) {
            max = Math.max(max, p);
            if (p >= pFloorKw) {
                sum += p;
                count++;
            }
        }
        if (count == 0 || max <= 0) {
            return OptionalDouble.empty();
        }
        double mean = sum / count;
        double width = max / 100;
        int[] bins = new int[101];
        for (double p : samplesKw) {
            if (p >= pFloorKw && p >= mean) {
                bins[Math.min(100, (int) Math.floor(p / width))]++;
            }
        }
        int best = 0;
        for (int b = 0; b < bins.length; b++) {
            if (bins[b] >= bins[best]) {
                best = b; // >=: a tie goes to the higher bin
            }
        }
        return OptionalDouble.of((best + 0.5) * width);
    }
}
