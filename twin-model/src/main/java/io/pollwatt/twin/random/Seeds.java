package io.pollwatt.twin.random;

import java.util.Objects;
import java.util.Random;

/**
 * Derives reproducible, independent random streams from the one seed of a run (style.md §6). One stream per purpose
 * and entity ({@code "load/E001/P1"}, {@code "lora-loss/M17"}), so that adding a meter does not change any other
 * meter's values. {@code java.util.Random} is used for its specified, portable sequence.
 */
public final class Seeds {

    private final long runSeed;

    /** The streams of a run with seed {@code runSeed}. */
    public Seeds(long runSeed) {
        this.runSeed = runSeed;
    }

    /** The run seed, to print in every report and failure so a run can be replayed. */
    public long runSeed() {
        return runSeed;
    }

    /** Same run seed and key, same stream, whatever else the run contains. */
    public Random streamFor(String key) {
        Objects.requireNonNull(key, "key");
        return new Random(mix64(runSeed ^ mix64(key.hashCode()))); // String.hashCode is specified, so stable
    }

    /** SplitMix64 finaliser: spreads nearby seeds and keys over the whole range. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
