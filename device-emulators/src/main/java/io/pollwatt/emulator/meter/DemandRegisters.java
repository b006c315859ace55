package io.pollwatt.emulator.meter;

/**
 * A multi-function meter's own interval registers: it samples its total active power every minute and keeps the
 * minimum, maximum and mean since they were last read, so a DTU polling every 15 minutes still reports the
 * interval's {@code -Min/-Max/-Avg} (rulebook D1, EM-12). Not thread-safe: one simulation thread.
 */
public final class DemandRegisters {

    /**
     * What the registers held when read.
     *
     * @param samples minutes sampled
     * @param minKw minimum
     * @param maxKw maximum
     * @param avgKw mean
     */
    public record Reading(int samples, double minKw, double maxKw, double avgKw) {}

    private int samples;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    /** Takes one minute's total active power. */
    public void sample(double pKw) {
        samples++;
        sum += pKw;
        min = Math.min(min, pKw);
        max = Math.max(max, pKw);
    }

    /** Reads and clears the registers; null when nothing was sampled. */
    public Reading take() {
        if (samples == 0) {
            return null;
        }
        Reading r = new Reading(samples, min, max, sum / samples);
        samples = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        return r;
    }
}
