package io.pollwatt.verification.cli;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed platform}: the reference platform standalone, on the system clock. For now its HJ 212 ingest on
 * PostgreSQL (embedded by default, its data kept in {@code --data}); the REST API and dashboard come with their
 * issues. Runs until stopped (Ctrl-C), or for {@code --run-for}.
 */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = "Run the reference platform's HJ 212 ingest (PostgreSQL embedded, or --db).")
final class PlatformCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hj212-port", paramLabel = "PORT", defaultValue = "9212", description = "HJ 212 port (0: any)")
    private int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "address to listen on")
    private String bind;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "pollwatt-data",
            description = "embedded PostgreSQL data")
    private Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "an external PostgreSQL instead of the embedded one")
    private String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "postgres", description = "external database user")
    private String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "", description = "its password")
    private String dbPassword;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "lenient",
            converter = Hj212Command.ModeConverter.class,
            description = "strict or lenient frame checks (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--register", paramLabel = "MN,PW,ENTERPRISE", description = "register a device (repeatable)")
    private List<String> register = new ArrayList<>();

    @Option(names = "--run-for", paramLabel = "DURATION", description = "stop after this long (ISO-8601, PT10M)")
    private Duration runFor;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        List<String[]> devices = new ArrayList<>();
        for (String r : register) {
            String[] parts = r.split(",", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--register takes MN,PW,ENTERPRISE, got '" + r + "'");
            }
            devices.add(parts);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Database db = dbUrl != null ? Database.external(dbUrl, dbUser, dbPassword) : Database.embedded(data)) {
            DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
            for (String[] d : devices) {
                registry.register(d[0], d[1], d[2]);
            }
            try (IngestServer server = new IngestServer(bind, port, mode, db.dataSource(), registry, clock)) {
                out.printf(
                        "platform: HJ 212 ingest on %s (%s mode), %s, %d device(s) registered; point devices at"
                                + " this host, port %d%n",
                        server.address(),
                        mode.name().toLowerCase(java.util.Locale.ROOT),
                        dbUrl != null ? "database " + dbUrl : "embedded PostgreSQL in " + data.toAbsolutePath(),
                        devices.size(),
                        server.address().getPort());
                out.flush();
                try {
                    if (runFor != null) {
                        stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        stop.await();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // asked to stop
                }
                out.printf(
                        "platform: stopping; %d frame(s) accepted, %d rejected, %d quarantined, %d record row(s)%n",
                        server.stats().accepted(),
                        server.stats().rejected(),
                        server.stats().quarantined(),
                        server.stats().records());
                out.flush();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
        return 0;
    }
}
