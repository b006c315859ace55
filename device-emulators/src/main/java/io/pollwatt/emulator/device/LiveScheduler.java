package io.pollwatt.emulator.device;

/**
 * A {@link Scheduler} that network callbacks can also post to: its actions, scheduled or posted, all run on one
 * thread, so device logic stays single-threaded. Wall-clock time ({@code net.WallClockScheduler}) or virtual time
 * ({@code net.VirtualScheduler}).
 */
public interface LiveScheduler extends Scheduler, AutoCloseable {

    /** Runs {@code action} on the scheduler's thread as soon as possible. */
    void execute(Runnable action);

    @Override
    void close();
}
