package io.pollwatt.certification.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A real device's time: the wall clock; advancing means waiting. */
public final class WallTimeline implements Timeline {

    private final Clock clock;

    /** Time from {@code clock}. */
    public WallTimeline(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void advanceTo(Instant t) throws InterruptedException {
        while (true) {
            Duration left = Duration.between(clock.instant(), t);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            // a real device runs in real time: waiting is the phase (never used by tests, which run virtual time)
            Thread.sleep(Math.min(left.toMillis(), 1_000));
        }
    }
}
