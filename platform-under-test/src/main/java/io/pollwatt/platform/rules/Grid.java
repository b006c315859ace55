package io.pollwatt.platform.rules;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The real-time grid an evaluation runs over: {@code size} instants Δ apart from {@code from} (hh:00, :15, :30, :45
 * local time at Δ = 15 min). Rules work on indices; times only at their edges.
 */
public record Grid(LocalDateTime from, int size, Duration step) {

    public Grid {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(step, "step");
        if (size < 0) {
            throw new IllegalArgumentException("a grid has at least 0 instants, got " + size);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("the grid's step must be positive, got " + step);
        }
    }

    /** The grid of [from, to), both on the grid. */
    public static Grid between(LocalDateTime from, LocalDateTime to, Duration step) {
        long n = Duration.between(from, to).toSeconds() / step.toSeconds();
        return new Grid(from, (int) Math.max(0, n), step);
    }

    /** The instant of index {@code i} (also for {@code i == size}: the end). */
    public LocalDateTime time(int i) {
        return from.plusSeconds(step.toSeconds() * i);
    }

    /** The first instant after the grid. */
    public LocalDateTime to() {
        return time(size);
    }

    /** The index of {@code t} if it lies on the grid, else −1. */
    public int index(LocalDateTime t) {
        long s = Duration.between(from, t).toSeconds();
        if (s < 0 || s % step.toSeconds() != 0 || s / step.toSeconds() >= size) {
            return -1;
        }
        return (int) (s / step.toSeconds());
    }

    /** The index of the first instant at or after {@code t}, clamped to [0, size]. */
    public int ceil(LocalDateTime t) {
        long s = Duration.between(from, t).toSeconds();
        if (s <= 0) {
            return 0;
        }
        long i = (s + step.toSeconds() - 1) / step.toSeconds();
        return (int) Math.min(size, i);
    }

    /** Minutes per sample. */
    public double minutes() {
        return step.toSeconds() / 60.0;
    }
}
