package io.pollwatt.platform.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the platform's tests keep their data: the embedded PostgreSQL in the test's folder, or, when the system
 * property {@code pollwatt.test.db} names a JDBC URL (CI's second run, against the machine's PostgreSQL service),
 * that server, in a schema of the test's own derived from its folder (so a test that "restarts" finds its data
 * again, and tests never see each other's).
 */
public final class TestDatabases {

    /** The property naming an external PostgreSQL to test against. */
    public static final String PROPERTY = "pollwatt.test.db";

    private TestDatabases() {}

    /** The external server's URL, when the tests run against one. */
    public static Optional<String> external() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank());
    }

    /** Opens the database of the test whose folder is {@code dataDir}. */
    public static Database open(Path dataDir) {
        return external()
                .map(url -> Database.external(
                        url,
                        System.getProperty("pollwatt.test.db.user", "postgres"),
                        System.getProperty("pollwatt.test.db.password", ""),
                        schemaFor(dataDir)))
                .orElseGet(() -> Database.embedded(dataDir));
    }

    /** Drops the test's schema on the external server (the embedded server's folder goes with the test's). */
    public static void discard(Path dataDir) {
        external().ifPresent(url -> {
            try (var c = java.sql.DriverManager.getConnection(
                            url,
                            System.getProperty("pollwatt.test.db.user", "postgres"),
                            System.getProperty("pollwatt.test.db.password", ""));
                    var s = c.createStatement()) {
                s.execute("drop schema if exists " + schemaFor(dataDir) + " cascade");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot drop the test schema of " + dataDir, e);
            }
        });
    }

    private static String schemaFor(Path dataDir) {
        byte[] path = dataDir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
        return "t_" + HexFormat.of().formatHex(java.util.Arrays.copyOf(sha1(path), 8));
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
