package io.pollwatt.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
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

    private Database(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("pollwatt");
        this.pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).load().migrate();
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
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
            LOG.info("embedded PostgreSQL on port {} with data in {}", pg.getPort(), dataDir);
            return new Database(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Connects to an external PostgreSQL. */
    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
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
