package io.pollwatt.verification.testbed;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.ingest.StoredListener;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process ingest server of a run, which a {@link PlatformRestart} may stop and start again on the same port. The
 * restart runs on a thread of its own: the listener that triggers it is called on the ingest's writer threads, which
 * closing the server waits for.
 */
final class RestartablePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestartablePlatform.class);

    private final DataSource db;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final StoredListener rules;
    private final PlatformRestart plan;
    private final ExecutorService restarter;
    private final AtomicInteger storedSince = new AtomicInteger();
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile IngestServer server;

    RestartablePlatform(DataSource db, DeviceRegistry registry, Clock clock, StoredListener rules, PlatformRestart plan)
            throws InterruptedException {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
        this.rules = rules;
        this.plan = plan;
        this.restarter = plan == null ? null : Executors.newSingleThreadExecutor(r -> new Thread(r, "restart"));
        this.server = new IngestServer("127.0.0.1", 0, Mode.LENIENT, db, registry, clock);
    }

    /** Starts telling the rules of stored records (after the devices have connected). */
    void listen() {
        server.onStored(this::stored);
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** The current server's counters (a restarted platform counts from its restart, as a real one does). */
    IngestStats stats() {
        return server.stats();
    }

    /** How many times the platform was restarted. */
    int restarts() {
        return restarts.get();
    }

    private void stored(String mn, LocalDateTime dataTime) {
        rules.stored(mn, dataTime);
        if (plan == null || triggered.get() || clock.instant().isBefore(plan.after())) {
            return;
        }
        if (storedSince.incrementAndGet() >= plan.records() && triggered.compareAndSet(false, true)) {
            restarter.execute(this::restart);
        }
    }

    private void restart() {
        IngestServer old = server;
        int port = old.address().getPort();
        old.close();
        try {
            IngestServer fresh = new IngestServer("127.0.0.1", port, Mode.LENIENT, db, registry, clock);
            fresh.onStored(this::stored);
            server = fresh;
            restarts.incrementAndGet();
            LOG.info("platform restarted on port {} after {} records stored", port, storedSince.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (restarter != null) {
            restarter.shutdown();
            try {
                restarter.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
    }
}
