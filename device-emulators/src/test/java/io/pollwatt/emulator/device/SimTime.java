package io.pollwatt.emulator.device;

import io.pollwatt.twin.time.SimClock;
import io.pollwatt.twin.time.SimScheduler;
import java.time.Duration;
import java.time.Instant;

/** The twin's virtual scheduler as an emulator {@link Scheduler}. */
public final class SimTime implements Scheduler {

    public final SimClock clock;
    public final SimScheduler scheduler;

    public SimTime(Instant start) {
        clock = new SimClock(start);
        scheduler = new SimScheduler(clock);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        scheduler.schedule(delay, () -> {
            if (!cancelled[0]) {
                action.run();
            }
        });
        return () -> cancelled[0] = true;
    }
}
