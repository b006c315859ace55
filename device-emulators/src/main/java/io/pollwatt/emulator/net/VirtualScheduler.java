package io.pollwatt.emulator.net;

import io.pollwatt.emulator.device.LiveScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Virtual time beside real network I/O ({@code testbed fleet --speed max}): one thread runs every device action;
 * time jumps from one scheduled action to the next as fast as the machine allows, but never while {@code busy}
 * says an answer is awaited from the platform (a platform that shares this clock answers over real sockets, in
 * real time). When an awaited answer does not come within {@code patience} of wall time, time moves on and the
 * device's own timeout plays out, as it would in the field.
 */
public final class VirtualScheduler implements LiveScheduler {

    private record Task(Instant at, long seq, Runnable action, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Object lock = new Object();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final LinkedBlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Duration patience;
    private volatile Instant now;
    private volatile Instant until;
    private volatile BooleanSupplier busy = () -> false;
    private volatile boolean closed;
    private long seq;
    /** Actions run and time steps taken: the watchdog of {@link #runUntil} sees the loop move. */
    private volatile long steps;
    /** What ended the loop's thread, if it died. */
    private volatile Throwable died;

    private final Duration stall;

    /** How long the loop may stand still before {@link #runUntil} gives up, by default. */
    public static final Duration STALL = Duration.ofMinutes(2);

    /** Virtual time from {@code start}, standing still until {@link #runUntil}; one thread named {@code name}. */
    public VirtualScheduler(Instant start, Duration patience, String name) {
        this(start, patience, name, STALL);
    }

    /** As {@link #VirtualScheduler(Instant, Duration, String)}, giving up after {@code stall} without a step. */
    public VirtualScheduler(Instant start, Duration patience, String name, Duration stall) {
        this.now = Objects.requireNonNull(start, "start");
        this.until = start;
        this.patience = Objects.requireNonNull(patience, "patience");
        this.stall = Objects.requireNonNull(stall, "stall");
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The virtual clock, for a platform that shares it. */
    public Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        synchronized (lock) {
            tasks.add(new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, action, cancelled));
        }
        return () -> cancelled[0] = true;
    }

    @Override
    public void execute(Runnable action) {
        posted.add(action);
    }

    /**
     * Lets time run to {@code end} and waits for it; {@code busy} (read on the scheduler's thread) holds time
     * still while it is true, for at most the patience each time.
     */
    public void runUntil(Instant end, BooleanSupplier busy) throws InterruptedException {
        this.busy = Objects.requireNonNull(busy, "busy");
        this.until = end;
        posted.add(() -> {}); // wake the loop
        long seen = steps;
        long since = System.nanoTime(); // wall time, for the watchdog only: virtual time is the run's business
        while (now.isBefore(end) && !closed) {
            synchronized (this) {
                wait(50);
            }
            if (steps != seen) {
                seen = steps;
                since = System.nanoTime();
            } else if (!thread.isAlive() || System.nanoTime() - since > stall.toNanos()) {
                throw stalled();
            }
        }
    }

    /**
     * The run cannot go on: the scheduler's thread died, or ran no action and moved no time for {@code stall} of wall
     * time (an action that never returns). A test run then fails with where the thread stood, instead of hanging.
     */
    private IllegalStateException stalled() {
        StringBuilder where = new StringBuilder();
        for (StackTraceElement e : thread.getStackTrace()) {
            where.append("\n\tat ").append(e);
        }
        String what = thread.isAlive()
                ? "virtual time stood still at " + now + " for " + stall.toSeconds() + " s of wall time (no action"
                        + " ran): thread " + thread.getName() + " is" + where
                : "the thread " + thread.getName() + " of virtual time died at " + now;
        return new IllegalStateException(what, died);
    }

    private void loop() {
        try {
            run();
        } catch (Error e) {
            died = e;
            throw e;
        }
    }

    private void run() {
        while (!closed) {
            steps++;
            try {
                Runnable r = posted.poll();
                if (r != null) {
                    r.run();
                    continue;
                }
                Task due = null;
                synchronized (lock) {
                    Task next = tasks.peek();
                    if (next != null && !next.at().isAfter(now)) {
                        due = tasks.poll();
                    }
                }
                if (due != null) {
                    if (!due.cancelled()[0]) {
                        due.action().run();
                    }
                    continue;
                }
                if (!now.isBefore(until)) {
                    Runnable w = posted.poll(50, TimeUnit.MILLISECONDS);
                    if (w != null) {
                        w.run();
                    }
                    continue;
                }
                if (busy.getAsBoolean()) {
                    Runnable answer = posted.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
                    if (answer != null) {
                        answer.run();
                        continue;
                    }
                }
                advance();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // one device's failure must not stop the others' time
                org.slf4j.LoggerFactory.getLogger(VirtualScheduler.class).error("action failed", e);
            }
        }
    }

    /** Moves time to the next scheduled action, or to the end of the run when there is none before it. */
    private void advance() {
        Instant next;
        synchronized (lock) {
            Task t = tasks.peek();
            next = t == null || t.at().isAfter(until) ? until : t.at();
        }
        now = next;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        synchronized (this) {
            notifyAll();
        }
    }
}
