package io.pollwatt.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PostgreSQL: embedded by default (a real PostgreSQL started from Maven artifacts, its data in a
 * folder so a restart keeps everything), or an external server by JDBC URL. The schema is migrated by Flyway on
 * open. One SQL dialect everywhere.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    private Database(EmbeddedPostgres embedded, String url, String user, String password, String schema) {
        this.embedded = embedded;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("pollwatt");
        if (schema != null) {
            config.setSchema(schema);
        }
        this.pool = new HikariDataSource(config);
        var flyway = Flyway.configure().dataSource(pool);
        if (schema != null) {
            flyway.schemas(schema); // created if missing, and where the tables go
        }
        flyway.load().migrate();
    }

    /**
     * Starts (or restarts on) an embedded PostgreSQL whose data live in {@code dataDir}.
     *
     * @throws UncheckedIOException naming the folder when the server cannot start there
     */
    public static Database embedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // the library's default is synchronous_commit=off (fast tests): a commit would return before
                    // its log is on disk, and a crash would lose data already acknowledged to devices
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.info("embedded PostgreSQL on port {} with data in {}", pg.getPort(), dataDir);
            return new Database(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A platform killed outright ({@code kill -9}, a crash) leaves its embedded server running on the folder with
     * nobody to stop it; the next start would find the folder taken. Such an orphan is asked to stop (a fast
     * shutdown: it has no clients left) and awaited; a lock file whose process is gone is left to PostgreSQL,
     * which recovers from its log as after any crash.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(
                        Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "embedded PostgreSQL {} still runs on {} (its platform was killed); stopping it",
                orphan.get().pid(),
                dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the orphaned PostgreSQL to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(
                    "the orphaned PostgreSQL " + orphan.get().pid() + " on " + dataDir + " does not stop", e);
        }
    }

    /** Connects to an external PostgreSQL, the platform's tables in the user's default schema. */
    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password, null);
    }

    /**
     * Connects to an external PostgreSQL with the platform's tables in {@code schema} (created if missing): several
     * platforms, or test runs, can share one database.
     */
    public static Database external(String jdbcUrl, String user, String password, String schema) {
        return new Database(null, jdbcUrl, user, password, Objects.requireNonNull(schema, "schema"));
    }

    /** The connection pool. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
            }
        }
    }
}
