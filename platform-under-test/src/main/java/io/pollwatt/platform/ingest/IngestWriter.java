package io.pollwatt.platform.ingest;

import io.netty.channel.Channel;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that makes frames durable (group commit): it takes every frame queued since its last commit,
 * judges, logs and stores them all in one transaction, commits, and only then acknowledges the uploads among them
 * with 9014. A device is never told "stored" before the commit, yet a busy platform pays one commit for hundreds of
 * frames instead of one each. Frames are taken in arrival order, so one connection's frames keep their order.
 *
 * <p>When a whole batch fails, each of its frames is tried again alone, so one frame the database refuses cannot
 * hold back the others; the refused one is logged and not acknowledged (the device resends it). When frames come in
 * faster than they can be stored, connections stop being read until the queue has room again (back-pressure, not
 * an unbounded queue).
 *
 * <p>The platform runs a few writers, each for its share of the MNs (frames whose MN could not be read go to the
 * first): a device's frames, and its evidence chain, are always one writer's, whose chain heads are kept in memory
 * between batches; while one writer waits for its commit to reach the disk, another copies its batch in.
 */
final class IngestWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWriter.class);

    /** Frames per transaction at most. */
    private static final int MAX_BATCH = 2000;

    /** Queued frames above which connections stop being read, and below which they are read again. */
    private static final int HIGH_WATER = 20_000;

    private static final int LOW_WATER = 5_000;

    private final DataSource db;
    private final IngestStats stats;
    private final BatchStore store;
    private final LinkedBlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Set<Channel> paused = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    private final DeviceCommands commands;
    private final List<StoredListener> listeners;

    IngestWriter(
            DataSource db,
            DeviceRegistry registry,
            IngestStats stats,
            DeviceCommands commands,
            Partitions partitions,
            List<StoredListener> listeners,
            String name) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.db = Objects.requireNonNull(db, "db");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.store = new BatchStore(registry, stats, partitions);
        this.commands = Objects.requireNonNull(commands, "commands");
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a frame (from an event loop: never blocks); pauses its connection when the queue is full. */
    void submit(Inbound frame) {
        queue.add(frame);
        if (queued.incrementAndGet() > HIGH_WATER && paused.add(frame.channel())) {
            frame.channel().config().setAutoRead(false);
        }
    }

    private void run() {
        List<Inbound> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Inbound first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("ingest writer: unexpected failure; {} frame(s) not acknowledged", batch.size(), e);
            } finally {
                if (queued.addAndGet(-batch.size()) < LOW_WATER && !paused.isEmpty()) {
                    resumeReading();
                }
                batch.clear();
            }
        }
    }

    private void write(List<Inbound> batch) {
        try {
            List<Judged> judged = commit(batch);
            judged.forEach(this::answer);
        } catch (SQLException whole) {
            if (batch.size() == 1) {
                LOG.error(
                        "frame from {} could not be stored; not acknowledged (the device will resend)",
                        batch.get(0).peer(),
                        whole);
                return;
            }
            LOG.warn("a batch of {} frames failed ({}); storing them one by one", batch.size(), whole.getMessage());
            for (Inbound one : batch) {
                write(List.of(one));
            }
        }
    }

    private List<Judged> commit(List<Inbound> batch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchStore.Outcome outcome = store.write(c, batch);
                c.commit();
                outcome.committed();
                return outcome.judged();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Answers an upload or a time-calibration request, now that it is durable. */
    private void answer(Judged j) {
        if (j.verdict() != Judged.Verdict.ACCEPTED) {
            return;
        }
        Hj212Message m = ((Decoded.Ok) j.frame().decoded()).message();
        Channel channel = j.frame().channel();
        // the rules hear of it before the device does (and even when the device has gone): once a device holds its
        // answer, whoever waits for that answer (a drain, a test) can count on the rules' knowing the record too
        if (m instanceof DataUpload u) {
            for (StoredListener l : listeners) {
                try {
                    l.stored(u.mn(), u.dataTime());
                } catch (RuntimeException e) {
                    LOG.warn("device {}: a stored-data listener failed: {}", u.mn(), e.toString());
                }
            }
        }
        if (channel.isActive() && m.header().answerWanted()) {
            if (m instanceof DataUpload) {
                channel.writeAndFlush(Reply.dataAnswer(m.header()));
            } else if (m.cn().is(Cn.TIME_CALIBRATION_REQUEST)) {
                channel.writeAndFlush(Reply.notificationAnswer(m.header()));
            }
        }
        if (!channel.isActive()) {
            return;
        }
        try {
            commands.committed(m, channel, j.frame().receivedAt());
        } catch (RuntimeException e) {
            LOG.warn("device {}: platform commands failed: {}", m.mn(), e.toString());
        }
    }

    private void resumeReading() {
        for (Channel ch : paused) {
            paused.remove(ch);
            ch.config().setAutoRead(true);
            ch.read();
        }
    }

    /** Frames waiting to be stored. */
    int backlog() {
        return queued.get();
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
