package io.pollwatt.twin.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Runs events in virtual-time order; events due at the same instant run in the order they were scheduled, so a
 * run is deterministic. Moving time is the scheduler's job alone: {@link #runUntil} advances the {@link SimClock} to
 * each event's instant before running it. Single-threaded by design: the simulation is one thread.
 */
public final class SimScheduler {

    private record Event(Instant at, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue =
            new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::seq));
    private final SimClock clock;
    private long nextSeq;

    /** A scheduler that moves {@code clock}. */
    public SimScheduler(SimClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock this scheduler moves. */
    public SimClock clock() {
        return clock;
    }

    /** Runs {@code action} {@code delay} after now. */
    public void schedule(Duration delay, Runnable action) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        at(clock.instant().plus(delay), action);
    }

    /** Runs {@code action} at {@code when}, which must not be in the past. */
    public void at(Instant when, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (when.isBefore(clock.instant())) {
            throw new IllegalArgumentException("cannot schedule at " + when + ", now is " + clock.instant());
        }
        queue.add(new Event(when, nextSeq++, action));
    }

    /** Runs {@code action} at {@code first} and then every {@code period}, for as long as the run goes. */
    public void every(Instant first, Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        at(first, new Runnable() {
            private Instant next = first;

            @Override
            public void run() {
                action.run();
                next = next.plus(period);
                at(next, this);
            }
        });
    }

    /** Runs every event due up to and including {@code until}, then leaves the clock at {@code until}. */
    public void runUntil(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(until)) {
            Event next = queue.poll();
            clock.moveTo(next.at());
            next.action().run();
        }
        clock.moveTo(until);
    }

    /** Runs for {@code duration} of virtual time. */
    public void runFor(Duration duration) {
        runUntil(clock.instant().plus(duration));
    }

    /** Number of events waiting. */
    public int pending() {
        return queue.size();
    }
}
