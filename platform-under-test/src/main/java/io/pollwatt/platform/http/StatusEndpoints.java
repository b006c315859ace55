package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.ingest.IngestStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /}, {@code /api/health}, {@code /api/stats}, {@code /api/openapi.json}. */
final class StatusEndpoints {

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
            Instant time) {}

    private static final String ROOT_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>pollwatt reference platform</title></head>
            <body>
            <h1>pollwatt reference platform</h1>
            <p>pollwatt reference platform &mdash; dashboard arrives with its issue.</p>
            <ul>
            <li><a href="/api/health">/api/health</a> &mdash; is the database reachable</li>
            <li><a href="/api/openapi.json">/api/openapi.json</a> &mdash; the REST API (OpenAPI 3.0)</li>
            </ul>
            </body>
            </html>
            """;

    private final DataSource db;
    private final IngestStats stats;
    private final Clock clock;
    private final byte[] openApi;

    StatusEndpoints(DataSource db, IngestStats stats, Clock clock, byte[] openApi) {
        this.db = db;
        this.stats = stats;
        this.clock = clock;
        this.openApi = openApi.clone();
    }

    void root(Context ctx) {
        ctx.html(ROOT_PAGE);
    }

    void health(Context ctx) {
        boolean up;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1")) {
            ps.setQueryTimeout(5);
            try (ResultSet rs = ps.executeQuery()) {
                up = rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("health check: database unreachable: {}", e.toString());
            up = false;
        }
        ctx.status(up ? 200 : 503).json(new Health(up ? "up" : "down", up ? "up" : "down", clock.instant()));
    }

    void stats(Context ctx) {
        ctx.json(new Stats(
                stats.accepted(),
                stats.rejected(),
                stats.quarantined(),
                stats.records(),
                stats.duplicates(),
                stats.conflicts(),
                clock.instant()));
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }
}
