package io.pollwatt.emulator.device;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for an emulated device: the current instant and delayed actions. In the testbed it is the twin's virtual
 * scheduler; against a real platform an adapter over a {@code ScheduledExecutorService} and a clock.
 */
public interface Scheduler {

    /** The current instant. */
    Instant now();

    /** Runs {@code action} after {@code delay}; the handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that can be called off. */
    interface Cancellable {
        /** Calls the action off if it has not run. */
        void cancel();
    }
}
