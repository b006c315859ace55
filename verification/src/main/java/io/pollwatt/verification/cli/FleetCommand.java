package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.emulator.fleet.Fleet;
import io.pollwatt.emulator.net.ScaledClock;
import io.pollwatt.emulator.net.WallClockScheduler;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.archive.ArchiveFileException;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.verification.external.FleetPace;
import io.pollwatt.verification.site.ReadySites;
import io.pollwatt.verification.site.SiteArgument;
import io.pollwatt.verification.site.SiteError;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.site.SiteFileException;
import io.pollwatt.verification.testbed.VirtualRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed fleet}: many enterprises' emulated DTUs and stack collectors, driven by their twins, uploading to a
 * platform over TCP in scaled wall-clock time. Progress goes to standard error every two seconds; a JSON summary to
 * standard output at the end. Bad site files fail before anything connects.
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Run emulated devices of many enterprises against a platform over TCP (HJ 212-2017).",
            "Exit 0 when the run completed, 1 when records stayed unacknowledged, 2 for bad input."
        })
final class FleetCommand implements Callable<Integer> {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--sites",
            split = ",",
            paramLabel = "FILE|DIR|NAME",
            description = "site files, folders of them, or ready sites (" + "textile, food, …)")
    private List<String> sites = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "N", description = "also N generated enterprises")
    private int generate;

    @Option(names = "--points", paramLabel = "P", defaultValue = "30", description = "points per generated enterprise")
    private int points;

    @Option(
            names = "--target",
            paramLabel = "HOST:PORT",
            description = "the platform's HJ 212 port (not with --speed max, which runs its own)")
    private String target;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "YYYY-MM-DDTHH:MM",
            description = "simulated start, local time (Asia/Shanghai)")
    private String start;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1", description = "simulated days")
    private double days;

    @Option(
            names = "--speed",
            paramLabel = "max|xN|realtime",
            defaultValue = "realtime",
            description = "xN runs N times faster than the wall clock; max needs the in-process platform")
    private String speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "run seed")
    private long seed;

    @Option(names = "--store", paramLabel = "DIR", description = "where the devices keep their stores")
    private Path store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double factor = speedFactor(err);
        if (factor <= 0) {
            return Testbed.EXIT_USAGE;
        }
        boolean virtual = Double.isInfinite(factor);
        if (!virtual && target == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--target HOST:PORT is required with --speed " + speed
                            + " (only --speed max runs its own platform)");
        }
        InetSocketAddress address = virtual ? null : address(target);
        LocalDateTime from;
        try {
            from = LocalDateTime.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--start must look like 2026-03-02T00:00, got '" + start + "'");
        }
        List<Enterprise> enterprises = new ArrayList<>();
        Map<String, List<Fault>> faults = new LinkedHashMap<>();
        Map<String, DevicePlan> plans = new LinkedHashMap<>();
        List<SiteArchive> archives = new ArrayList<>();
        try {
            for (String s : sites) {
                if (virtual) {
                    archives.addAll(PlatformCommand.readSites(s)); // the platform reads the archive itself
                }
                for (SiteFile f : load(s)) {
                    enterprises.add(f.enterprise());
                    faults.put(f.enterprise().id(), f.faults());
                    plans.put(f.enterprise().id(), f.devices()); // the site's MNs, as its archive registers them
                }
            }
        } catch (SiteFileException e) {
            for (SiteError error : e.errors()) {
                err.println(error.message());
            }
            err.println("testbed fleet: " + e.errors().size() + " problem(s); nothing connected");
            return Testbed.EXIT_USAGE;
        } catch (ArchiveFileException e) {
            e.errors().forEach(err::println);
            err.println("testbed fleet: the platform cannot read the archive; nothing connected");
            return Testbed.EXIT_USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("testbed fleet: " + e.getMessage());
            return Testbed.EXIT_USAGE;
        }
        Seeds seeds = new Seeds(seed);
        for (int i = 1; i <= generate; i++) {
            String id = "G%05d".formatted(i);
            enterprises.add(PopulationGenerator.enterprise(id, points, seeds.streamFor("population/" + id)));
        }
        if (enterprises.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --sites or --generate");
        }
        Path storeRoot = store != null ? store : Files.createTempDirectory("pollwatt-fleet");
        Instant simulatedStart = from.atZone(ZONE).toInstant();
        Instant end = simulatedStart.plusSeconds((long) (days * 86_400));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Fleet.Summary summary;
        ObjectNode platformJson = null;
        if (virtual) {
            try {
                platformJson = Json.MAPPER.createObjectNode();
                summary = runVirtual(
                        enterprises, faults, plans, storeRoot, simulatedStart, end, archives, group, err, platformJson);
            } finally {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
        } else {
            try (WallClockScheduler scheduler = new WallClockScheduler(
                            new ScaledClock(Clock.systemUTC(), simulatedStart, factor), "fleet");
                    Fleet fleet = Fleet.start(
                            enterprises,
                            faults,
                            plans,
                            new Fleet.Settings(
                                    address, ZONE, simulatedStart, storeRoot, seed, FleetPace.senderSettings(factor)),
                            scheduler,
                            group)) {
                summary = fleet.summary();
                while (summary.simulatedNow().isBefore(end)) {
                    TimeUnit.SECONDS.sleep(2); // the CLI's own pace; devices run on the fleet's thread
                    summary = fleet.summary();
                    progress(err, summary, simulatedStart, end);
                }
                summary = drained(fleet);
            } finally {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("enterprises", summary.enterprises());
        json.put("devices", summary.devices());
        json.put("connected", summary.connected());
        json.put("simulatedFrom", from.toString());
        json.put(
                "simulatedTo",
                LocalDateTime.ofInstant(summary.simulatedNow(), ZONE).toString());
        json.put("recordsBuilt", summary.recordsBuilt());
        json.put("framesSent", summary.framesSent());
        json.put("framesAcked", summary.framesAcked());
        json.put("retries", summary.retries());
        json.put("unsent", summary.unsent());
        json.put("dropped", summary.dropped());
        json.put("store", storeRoot.toString());
        if (platformJson != null) {
            json.set("platform", platformJson);
        }
        out.println(Json.MAPPER.writeValueAsString(json));
        out.flush();
        return summary.unsent() == 0 ? 0 : 1;
    }

    /**
     * {@code --speed max}: the reference platform in this process, on its embedded PostgreSQL in the store folder,
     * and the fleet on one virtual clock ({@link VirtualRun}). The devices of site files are registered as their
     * archives would register them; generated ones as the fleet numbers them.
     */
    private Fleet.Summary runVirtual(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            Path storeRoot,
            Instant simulatedStart,
            Instant end,
            List<SiteArchive> archives,
            EventLoopGroup group,
            PrintWriter err,
            ObjectNode platformJson)
            throws Exception {
        try (Database db = Database.embedded(storeRoot.resolve("platform-pg"))) {
            VirtualRun.Result result = VirtualRun.run(
                    db,
                    new VirtualRun.Setup(
                            enterprises,
                            faults,
                            plans,
                            archives,
                            ZONE,
                            simulatedStart,
                            end,
                            seed,
                            storeRoot,
                            VirtualRun.JUDGEMENT_PERIOD,
                            RuleConfig.defaults(),
                            null),
                    group,
                    s -> progress(err, s, simulatedStart, end));
            ObjectNode alarms = platformJson.putObject("alarms");
            for (Alarm a : result.alarms()) {
                alarms.put(a.ruleId(), alarms.path(a.ruleId()).asInt(0) + 1);
            }
            platformJson.put("accepted", result.platform().accepted());
            platformJson.put("records", result.platform().records());
            platformJson.put("duplicates", result.platform().duplicates());
            platformJson.put("quarantined", result.platform().quarantined());
            platformJson.put("rejected", result.platform().rejected());
            return result.fleet();
        }
    }

    /** The summary once every record built so far is acknowledged, or after a drain of wall time. */
    private static Fleet.Summary drained(Fleet fleet) throws InterruptedException {
        return VirtualRun.drained(fleet);
    }

    private static void progress(PrintWriter err, Fleet.Summary s, Instant from, Instant end) {
        double done = 100.0
                * Duration.between(from, s.simulatedNow()).toSeconds()
                / Math.max(1, Duration.between(from, end).toSeconds());
        err.printf(
                Locale.ROOT,
                "fleet: %s (%.0f%%) devices %d/%d up, records %d, sent %d, acked %d, unsent %d%n",
                LocalDateTime.ofInstant(s.simulatedNow(), ZONE),
                Math.min(100, done),
                s.connected(),
                s.devices(),
                s.recordsBuilt(),
                s.framesSent(),
                s.framesAcked(),
                s.unsent());
        err.flush();
    }

    private double speedFactor(PrintWriter err) {
        if ("realtime".equals(speed)) {
            return 1;
        }
        if ("max".equals(speed)) {
            return Double.POSITIVE_INFINITY;
        }
        if (speed.startsWith("x")) {
            try {
                double f = Double.parseDouble(speed.substring(1));
                if (f > 0) {
                    return f;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), "--speed must be max, xN (N > 0) or realtime," + " got '" + speed + "'");
    }

    private InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        try {
            return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--target must be HOST:PORT, got '" + text + "'");
        }
    }

    /** A site file, every *.yaml of a folder, or a ready site, read by the twin's reader. */
    private static List<SiteFile> load(String site) throws IOException, SiteFileException {
        List<SiteFile> out = new ArrayList<>();
        for (SiteArgument a : SiteArgument.resolve(site)) {
            out.add(
                    a instanceof SiteArgument.File f
                            ? SiteFile.read(f.path())
                            : ReadySites.read(((SiteArgument.Ready) a).name()));
        }
        return out;
    }
}
