package io.pollwatt.emulator.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Simulated time running {@code speed} times as fast as a base clock, from {@code simulatedStart} (the fleet's
 * scaled wall-clock mode: an outside platform or real devices see frames at the simulated pace).
 */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final Instant baseStart;
    private final Instant simulatedStart;
    private final double speed;

    /** A clock that reads {@code simulatedStart} now and advances {@code speed} seconds per second of {@code base}. */
    public ScaledClock(Clock base, Instant simulatedStart, double speed) {
        this(base, base.instant(), simulatedStart, speed);
    }

    private ScaledClock(Clock base, Instant baseStart, Instant simulatedStart, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.baseStart = baseStart;
        this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        long elapsed = Duration.between(baseStart, base.instant()).toNanos();
        return simulatedStart.plusNanos((long) (elapsed * speed));
    }

    /** Wall time for {@code simulated} of simulated time. */
    public Duration wallTimeFor(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), baseStart, simulatedStart, speed);
    }
}
