package io.pollwatt.emulator.net;

import io.pollwatt.emulator.device.LiveScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time for devices that talk to an outside platform or real equipment: one thread runs every action, so device
 * logic stays single-threaded, and the clock is injected (a scaled clock runs faster than the wall).
 */
public final class WallClockScheduler implements LiveScheduler {

    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** A scheduler reading {@code clock}, running actions on one thread named {@code name}. */
    public WallClockScheduler(Clock clock, String name) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        // delays are in the clock's time: a scaled clock runs them sooner on the wall
        long nanos =
                clock instanceof ScaledClock scaled ? scaled.wallTimeFor(delay).toNanos() : delay.toNanos();
        ScheduledFuture<?> f = executor.schedule(action, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Runs {@code action} on the scheduler's thread as soon as possible (network callbacks go through here). */
    @Override
    public void execute(Runnable action) {
        executor.execute(action);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
