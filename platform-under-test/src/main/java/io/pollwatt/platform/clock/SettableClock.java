package io.pollwatt.platform.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A platform clock that reads what it was last set to: the reference platform's test clock ({@code testbed platform
 * --test-clock}), which a testbed moves with its own virtual time through {@code PUT /api/clock} so that a run
 * against the platform over TCP and HTTP is as deterministic as one in the same process.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock reading {@code start} until set. */
    public SettableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Sets the time every reader of this clock sees from now on (it may move backwards: a new run starts). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SettableClock(now, z); // the same time, shown in another zone
    }
}
