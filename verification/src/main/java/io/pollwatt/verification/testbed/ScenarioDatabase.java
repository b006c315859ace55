package io.pollwatt.verification.testbed;

import io.pollwatt.platform.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for a whole run of the scenario catalogue, and a fresh schema in it for each scenario:
 * starting a server takes seconds, a schema (the platform's migrations) well under one. The server starts on first use
 * and stops when the JVM ends. It runs with the library's fast test settings (no synchronous commit): a scenario never
 * crashes its database. Schemas are migrated ahead, one per scenario started.
 */
public final class ScenarioDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private ScenarioDatabase() {}

    /**
     * The system property naming an external PostgreSQL (a JDBC URL) to run the scenarios on instead of the embedded
     * one ({@code testbed suite --db URL}); {@link #USER_PROPERTY} names its user (default {@code postgres}).
     */
    public static final String URL_PROPERTY = "pollwatt.scenario.db";

    public static final String USER_PROPERTY = "pollwatt.scenario.dbUser";

    /** A new, empty platform database in a schema of its own; close it when the scenario ends. */
    public static Database open() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return Prepared.next();
        }
        // a shared server keeps what earlier runs left: a schema named by this process, emptied before use
        String user = System.getProperty(USER_PROPERTY, "postgres");
        String schema = "scenario_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot prepare schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return Database.external(url, user, "", schema);
    }

    /**
     * Schemas migrated ahead of need on a thread of their own: a scenario's runs wait mostly on the platform's round
     * trips, so the next scenario's migrations (a third of a short scenario's wall time when done in line) overlap
     * them. One schema is kept ready per scenario started.
     */
    private static final class Prepared {
        private static final ExecutorService PREPARER = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scenario-schema");
            t.setDaemon(true);
            return t;
        });
        private static final ConcurrentLinkedQueue<Future<Database>> READY = new ConcurrentLinkedQueue<>();

        static Database next() {
            Future<Database> mine = READY.poll();
            if (mine == null) {
                mine = PREPARER.submit(Prepared::fresh);
            }
            READY.add(PREPARER.submit(Prepared::fresh)); // for the next scenario
            try {
                return mine.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing a scenario schema", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r
                        ? r
                        : new IllegalStateException("cannot prepare a scenario schema", e.getCause());
            }
        }

        private static Database fresh() {
            EmbeddedPostgres pg = Server.PG;
            return Database.external(
                    pg.getJdbcUrl("postgres", "postgres"),
                    "postgres",
                    "postgres",
                    "scenario_" + SCHEMAS.incrementAndGet());
        }
    }

    /** The server, started when first asked for (the holder idiom). */
    private static final class Server {
        static final EmbeddedPostgres PG = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    try {
                                        pg.close();
                                    } catch (IOException e) {
                                        // the JVM ends anyway
                                    }
                                },
                                "scenario-pg-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the scenarios", e);
            }
        }
    }
}
