package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.ingest.IngestStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /} (the dashboard page), {@code /api/health}, {@code /api/stats}, {@code /api/openapi.json}. */
final class StatusEndpoints implements AutoCloseable {

    /**
     * How long health waits for the database. The pool itself waits 30 s for a connection, longer than a monitoring
     * probe does; a check still running is shared by the requests that come meanwhile, so a hung database ties up
     * one thread, not one per probe.
     */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoints.class);

    /** {@code status} is {@code up} or {@code down}; {@code database} likewise. */
    record Health(String status, String database, Instant time) {}

    record Stats(
            long accepted,
            long rejected,
            long quarantined,
            long records,
            long duplicates,
            long conflicts,
            long timeCalibrations,
            long gapRequests,
            Instant time) {}

    /**
     * The dashboard may load only what the platform serves (no CDN: the machines have no internet, and a regulator's
     * page must not call out); inline styles stay allowed because the chart library sizes its canvas with them.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'";

    private final DataSource db;
    private final IngestStats stats;
    private final Clock clock;
    private final byte[] openApi;
    private final byte[] dashboard;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "api-health-check");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> check;

    StatusEndpoints(DataSource db, IngestStats stats, Clock clock, byte[] openApi, byte[] dashboard) {
        this.db = db;
        this.stats = stats;
        this.clock = clock;
        this.openApi = openApi.clone();
        this.dashboard = dashboard.clone();
    }

    /** {@code /}: the dashboard (docs/dashboard.md), a static page that reads the REST API. */
    void root(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(dashboard);
    }

    void health(Context ctx) {
        boolean up = databaseUp();
        ctx.status(up ? 200 : 503).json(new Health(up ? "up" : "down", up ? "up" : "down", clock.instant()));
    }

    private boolean databaseUp() {
        CompletableFuture<Boolean> running;
        synchronized (this) {
            if (check == null || check.isDone()) {
                check = CompletableFuture.supplyAsync(this::selectOne, checks);
            }
            running = check;
        }
        try {
            return running.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("health check: no answer from the database within {}", HEALTH_TIMEOUT);
            return false;
        } catch (ExecutionException e) {
            LOG.warn("health check failed: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean selectOne() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1")) {
            ps.setQueryTimeout((int) HEALTH_TIMEOUT.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            LOG.warn("health check: database unreachable: {}", e.toString());
            return false;
        }
    }

    void stats(Context ctx) {
        ctx.json(new Stats(
                stats.accepted(),
                stats.rejected(),
                stats.quarantined(),
                stats.records(),
                stats.duplicates(),
                stats.conflicts(),
                stats.timeCalibrations(),
                stats.gapRequests(),
                clock.instant()));
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
