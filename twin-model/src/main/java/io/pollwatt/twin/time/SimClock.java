package io.pollwatt.twin.time;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The virtual time of one run. Only {@link SimScheduler} moves it; anything else (emulators, the platform through a
 * {@code Clock} view) reads it. Time never goes back.
 */
public final class SimClock implements InstantSource {

    private volatile Instant now;

    /** A clock standing at {@code start}. */
    public SimClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    void moveTo(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalStateException("time cannot go back: now " + now + ", requested " + t);
        }
        now = t;
    }
}
