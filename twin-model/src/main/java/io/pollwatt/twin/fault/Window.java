package io.pollwatt.twin.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a fault is active: from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param start first instant
 * @param end first instant after the fault
 */
public record Window(Instant start, Instant end) {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a fault window must end after it starts: " + start + " .. " + end);
        }
    }

    /** The window of {@code length} from {@code start}. */
    public static Window of(Instant start, Duration length) {
        return new Window(start, start.plus(length));
    }

    /** Whether {@code t} lies inside. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
