package io.pollwatt.verification.cli;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.archive.ArchiveFileException;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.clock.SettableClock;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleConfigException;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.verification.site.SiteArgument;
import io.pollwatt.verification.testbed.StandalonePlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
 * {@code testbed platform}: the reference platform standalone, on the system clock: its HJ 212 ingest on PostgreSQL
 * (embedded by default, its data kept in {@code --data}) and its REST API (docs/api.md) beside it; the dashboard
 * comes with its issue. Runs until stopped (Ctrl-C), or for {@code --run-for}.
 */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = "Run the reference platform: HJ 212 ingest, rules and REST API (PostgreSQL embedded, or --db).",
        subcommands = RerunCommand.class)
final class PlatformCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hj212-port", paramLabel = "PORT", defaultValue = "9212", description = "HJ 212 port (0: any)")
    private int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "address to listen on")
    private String bind;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "REST API and dashboard port (0: any; default ${DEFAULT-VALUE})")
    private int httpPort;

    @Option(
            names = "--api-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:POLLWATT_API_TOKEN}",
            description = "bearer token of the API's write endpoints (default: $POLLWATT_API_TOKEN; if neither is"
                    + " given, a random one is generated and printed once)")
    private String apiToken;

    @picocli.CommandLine.Mixin
    private DatabaseOptions database;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "rule configuration (key=value, key@ENTERPRISE=value)")
    private Path rulesFile;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "lenient",
            converter = Hj212Command.ModeConverter.class,
            description = "strict or lenient frame checks (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--register", paramLabel = "MN,PW,ENTERPRISE", description = "register a device (repeatable)")
    private List<String> register = new ArrayList<>();

    @Option(
            names = "--judge-every",
            paramLabel = "DURATION",
            defaultValue = "PT1M",
            description = "how often the rules judge what arrived (ISO-8601; default ${DEFAULT-VALUE})")
    private Duration judgeEvery;

    @Option(
            names = "--test-clock",
            description = "run on a clock a testbed sets (PUT /api/clock, which also judges) instead of the system"
                    + " clock: for testbed suite --platform --speed max (docs/scenarios.md); never in the field")
    private boolean testClock;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "stop after this long (ISO-8601, PT10M)")
    private Duration runFor;

    @Option(
            names = "--sites",
            split = ",",
            paramLabel = "FILE|DIR|NAME",
            description = "import site files, folders of them, or ready sites into the archive (备案) at start")
    private List<String> sites = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // PostgreSQL keeps microseconds; the evidence hash covers the receipt instant, so an instant with finer
        // digits than the database stores could never be verified again from the database (docs/api.md)
        Clock clock = testClock
                ? new SettableClock(
                        Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)).instant())
                : Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        if (httpPort < 0 || httpPort > 65535) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--http-port must be 0..65535, got " + httpPort);
        }
        boolean interrupted = false;
        boolean generatedToken = apiToken == null || apiToken.isBlank();
        String token = generatedToken ? newToken() : apiToken;
        List<String[]> devices = new ArrayList<>();
        for (String r : register) {
            String[] parts = r.split(",", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--register takes MN,PW,ENTERPRISE, got '" + r + "'");
            }
            devices.add(parts);
        }
        RuleConfig ruleConfig = ruleConfig(spec, rulesFile);
        List<SiteArchive> archives = new ArrayList<>();
        try {
            for (String site : sites) {
                archives.addAll(readSites(site));
            }
        } catch (ArchiveFileException e) {
            e.errors().forEach(error -> spec.commandLine().getErr().println(error));
            spec.commandLine().getErr().flush();
            return 2; // before anything starts: a bad file never half-imports
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Database db = database.open()) {
            DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
            for (String[] d : devices) {
                registry.register(d[0], d[1], d[2]);
            }
            ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
            for (SiteArchive a : archives) {
                ArchiveRegistry.ImportSummary summary = archive.importArchive(a);
                out.printf(
                        "platform: archive of %s %s: %d point(s), %d device(s)%n",
                        summary.enterpriseId(),
                        summary.replaced() ? "replaced" : "imported",
                        summary.points(),
                        summary.devices());
            }
            try (StandalonePlatform platform = new StandalonePlatform(
                    bind, port, httpPort, mode, db.dataSource(), registry, clock, token, ruleConfig, judgeEvery)) {
                out.printf(
                        "platform: HJ 212 ingest on %s (%s mode), %s, %d device(s) registered; point devices at"
                                + " this host, port %d%n",
                        platform.hj212(),
                        mode.name().toLowerCase(java.util.Locale.ROOT),
                        database.describe(),
                        devices.size(),
                        platform.hj212().getPort());
                String base = platform.api().toString();
                out.printf(
                        testClock
                                ? "platform: test clock: time and rules move only by PUT /api/clock%n"
                                : "platform: rules every " + judgeEvery + " of the system clock%n");
                out.printf("platform: dashboard at %s%n", base);
                out.printf("platform: REST API at %sapi/ (OpenAPI: %sapi/openapi.json)%n", base, base);
                if (generatedToken) {
                    out.printf(
                            "platform: API token (generated for this run; set --api-token or"
                                    + " POLLWATT_API_TOKEN to choose one): %s%n",
                            token);
                }
                out.flush();
                interrupted = await(stop);
                out.printf(
                        "platform: stopping; %d frame(s) accepted, %d rejected, %d quarantined, %d record row(s)%n",
                        platform.stats().accepted(),
                        platform.stats().rejected(),
                        platform.stats().quarantined(),
                        platform.stats().records());
                out.flush();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // only now: Jetty's stop fails on an interrupted thread
        }
        return 0;
    }

    /** The rule configuration: the rulebook's defaults, overridden by {@code file} when given. */
    static RuleConfig ruleConfig(CommandSpec spec, Path file) {
        if (file == null) {
            return RuleConfig.defaults();
        }
        try {
            return RerunCommand.load(file);
        } catch (RuleConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": " + String.join("; ", e.errors()));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Waits for the stop signal or the end of {@code --run-for}; {@code true} if interrupted (asked to stop). */
    private boolean await(CountDownLatch stop) {
        try {
            if (runFor != null) {
                stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** 24 random bytes, base64url: a token for this run only, from the platform's secure source of randomness. */
    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A site file, every *.yaml of a folder, or a ready site, read by the platform's own archive reader. */
    static List<SiteArchive> readSites(String site) throws IOException, ArchiveFileException {
        List<SiteArchive> out = new ArrayList<>();
        for (SiteArgument a : SiteArgument.resolve(site)) {
            out.add(
                    a instanceof SiteArgument.File f
                            ? ArchiveReader.read(f.path())
                            : ArchiveReader.parse(((SiteArgument.Ready) a).source(), ((SiteArgument.Ready) a).text()));
        }
        return out;
    }
}
