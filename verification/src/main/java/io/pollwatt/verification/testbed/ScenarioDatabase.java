package io.pollwatt.verification.testbed;

import io.pollwatt.platform.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for a whole run of the scenario catalogue, and a fresh schema in it for each scenario:
 * starting a server takes seconds, a schema (the platform's migrations) well under one. The server starts on first use
 * and stops when the JVM ends. It runs with the library's fast test settings (no synchronous commit): a scenario never
 * crashes its database.
 */
public final class ScenarioDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private ScenarioDatabase() {}

    /** A new, empty platform database in a schema of its own; close it when the scenario ends. */
    public static Database open() {
        EmbeddedPostgres pg = Server.PG;
        return Database.external(
                pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "scenario_" + SCHEMAS.incrementAndGet());
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
