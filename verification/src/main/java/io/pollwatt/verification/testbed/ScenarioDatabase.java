package io.pollwatt.verification.testbed;

import io.pollwatt.platform.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A new, empty platform database in a schema of its own; give it back with {@link #release} when the scenario
     * ends.
     */
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
     * Gives back a database {@link #open} gave once its scenario has ended. A schema of the embedded server is emptied
     * and handed to a later scenario: its tables truncated, their identities restarted, the month partitions the run
     * created kept (empty), so the next scenario finds what a fresh schema offers, and keeps the pool's connections.
     * Migrating a fresh schema was about a third of the embedded PostgreSQL's statement time in a catalogue run
     * (docs/benchmarks.md, "Scenario catalogue"), and every pool opened its connections anew. A database still in use
     * (a connection not returned), one that cannot be emptied, and those of an external server are closed instead.
     */
    public static void release(Database db) {
        if (!Prepared.owns(db) || !Prepared.recycle(db)) {
            db.close();
        }
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
        /** Emptied schemas of ended scenarios, used before any new one. */
        /** Last given back, first handed out: the most recently used schema and pool are the warmest. */
        private static final java.util.concurrent.ConcurrentLinkedDeque<Database> RECYCLED =
                new java.util.concurrent.ConcurrentLinkedDeque<>();
        /** The databases this class made, and the schema of each. */
        private static final java.util.Map<Database, String> SCHEMA_OF = new java.util.concurrent.ConcurrentHashMap<>();

        static boolean owns(Database db) {
            return SCHEMA_OF.containsKey(db);
        }

        static Database next() {
            Database recycled = RECYCLED.pollFirst();
            if (recycled != null) {
                return recycled;
            }
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
            String schema = "scenario_" + SCHEMAS.incrementAndGet();
            Database db = Database.external(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", schema);
            SCHEMA_OF.put(db, schema);
            return db;
        }

        /** Empties {@code db}'s schema and keeps it for the next scenario; false when it cannot be reused. */
        static boolean recycle(Database db) {
            String schema = SCHEMA_OF.get(db);
            if (!(db.dataSource() instanceof com.zaxxer.hikari.HikariDataSource pool)
                    || pool.getHikariPoolMXBean() == null
                    || pool.getHikariPoolMXBean().getActiveConnections() > 0) {
                SCHEMA_OF.remove(db);
                return false; // something of the ended scenario still holds a connection: start the next afresh
            }
            try (Connection c = pool.getConnection();
                    java.sql.PreparedStatement ps = c.prepareStatement("select quote_ident(n.nspname) || '.' ||"
                            + " quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition"
                            + " and c.relname <> 'flyway_schema_history' order by 1");
                    Statement st = c.createStatement()) {
                // the partitioned parents carry their month partitions along; Flyway's history stays
                ps.setString(1, schema);
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                if (!tables.isEmpty()) {
                    st.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
                }
            } catch (SQLException e) {
                SCHEMA_OF.remove(db);
                return false;
            }
            RECYCLED.addFirst(db);
            return true;
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
