package io.pollwatt.verification.cli;

import io.pollwatt.platform.storage.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the platform's data are: the embedded PostgreSQL's folder, or an external server by URL. */
final class DatabaseOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "pollwatt-data",
            description = "embedded PostgreSQL data (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "an external PostgreSQL instead of the embedded one")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "postgres", description = "external database user")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "", description = "its password")
    String password;

    Database open() {
        return url != null ? Database.external(url, user, password) : Database.embedded(data);
    }

    String describe() {
        return url != null ? "database " + url : "embedded PostgreSQL in " + data.toAbsolutePath();
    }
}
