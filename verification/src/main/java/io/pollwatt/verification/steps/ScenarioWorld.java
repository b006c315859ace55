package io.pollwatt.verification.steps;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.archive.ArchiveFileException;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.verification.external.ExternalRun;
import io.pollwatt.verification.external.ExternalTarget;
import io.pollwatt.verification.scoring.StagedFault;
import io.pollwatt.verification.site.ReadySites;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.site.SiteFileException;
import io.pollwatt.verification.testbed.InProcessStore;
import io.pollwatt.verification.testbed.PlatformRestart;
import io.pollwatt.verification.testbed.PlatformStore;
import io.pollwatt.verification.testbed.ScenarioDatabase;
import io.pollwatt.verification.testbed.TwinTruth;
import io.pollwatt.verification.testbed.VirtualRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;
import org.picocontainer.Disposable;

/**
 * The state of one scenario: the site files it stages, read both by the twin's reader and by the platform's archive
 * reader from the same text, and the result of its one run. cucumber-picocontainer makes one per scenario and hands it
 * to every step class.
 */
public final class ScenarioWorld implements Disposable {

    /** The system property that sets the run seed of every scenario ({@code testbed suite --seed S}). */
    public static final String SEED_PROPERTY = "pollwatt.seed";

    /** The run seed when none is set; the same scenario with the same seed gives the same readings. */
    public static final long DEFAULT_SEED = 1;

    /**
     * How often the platform judges in a scenario of up to {@link #LONG_RUN}: hourly rather than the platform's 15
     * minutes, because a judgement costs about 0.1 s of wall time whatever it covers. Detection is at most an hour
     * later; no rule's verdict changes.
     */
    public static final Duration JUDGEMENT = Duration.ofHours(1);

    /**
     * How often the platform judges in a longer scenario: every 6 hours. The rules such runs are about look at days
     * (baselines, day energies, 7- and 30-day tests); judging hourly made a 30-day run spend a third of its time on
     * judgements. Detection delays in these scenarios are up to 6 hours later.
     */
    public static final Duration LONG_JUDGEMENT = Duration.ofHours(6);

    /** Runs longer than this are judged every {@link #LONG_JUDGEMENT}. */
    public static final Duration LONG_RUN = Duration.ofDays(3);

    private final List<SiteFile> sites = new ArrayList<>();
    private final Map<String, String> siteTexts = new LinkedHashMap<>();
    private final List<SiteArchive> archives = new ArrayList<>();
    private VirtualRun.Result result;
    private Database db;
    private Path devices;
    private Instant runStart;
    private Instant runEnd;
    private TwinTruth truth;
    private PlatformStore store;
    private final Map<String, String> ruleOverrides = new LinkedHashMap<>();
    private LocalDateTime restartAfter;
    private int restartRecords;

    /** Stages a ready site of scenario-specs ({@code sites/<name>.yaml}). */
    void addReadySite(String name) throws SiteFileException, ArchiveFileException {
        String text = ReadySites.text(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no ready site '" + name + "'; there are: " + String.join(", ", ReadySites.names())));
        addSite(ReadySites.FOLDER + "/" + name + ".yaml", text);
    }

    /** Stages a site file given as text. */
    void addSite(String source, String text) throws SiteFileException, ArchiveFileException {
        SiteFile site = SiteFile.parse(source, text);
        sites.add(site);
        siteTexts.put(site.enterprise().id(), text);
        archives.add(ArchiveReader.parse(source, text));
    }

    /**
     * Overrides a rule configuration key (domain-rules Appendix A) for the run; an unknown key or a bad value fails
     * when the run starts, naming it.
     */
    void overrideRule(String key, String value) {
        if (result != null) {
            throw new IllegalStateException("rule parameters are set before the run (When)");
        }
        ruleOverrides.put(key, value);
    }

    /** Restarts the platform once during the run: after {@code after} (local), when {@code records} more are stored. */
    void restartPlatform(LocalDateTime after, int records) {
        if (result != null) {
            throw new IllegalStateException("a restart is planned before the run (When)");
        }
        restartAfter = after;
        restartRecords = records;
    }

    /** Runs every staged site from {@code start} (local, in the first site's zone) for {@code length}. */
    void run(LocalDateTime start, Duration length) throws Exception {
        if (sites.isEmpty()) {
            throw new IllegalStateException("no site staged: begin the scenario with a site (现场档案)");
        }
        if (result != null) {
            throw new IllegalStateException("a scenario has one run (one When)");
        }
        ZoneId zone = zone();
        Instant from = start.atZone(zone).toInstant();
        List<Enterprise> enterprises = new ArrayList<>();
        Map<String, List<Fault>> faults = new LinkedHashMap<>();
        Map<String, DevicePlan> plans = new LinkedHashMap<>();
        for (SiteFile s : sites) {
            enterprises.add(s.enterprise());
            faults.put(s.enterprise().id(), s.faults());
            plans.put(s.enterprise().id(), s.devices());
        }
        Optional<ExternalTarget> external = ExternalTarget.fromSystemProperties();
        if (external.isPresent()) {
            runExternal(external.get(), enterprises, faults, plans, from, length);
            return;
        }
        devices = Files.createTempDirectory("pollwatt-scenario");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        db = ScenarioDatabase.open(); // open until the scenario ends: Then steps read what the platform stored
        runStart = from;
        runEnd = from.plus(length);
        try {
            result = VirtualRun.run(
                    db,
                    new VirtualRun.Setup(
                            enterprises,
                            faults,
                            plans,
                            archives,
                            zone,
                            from,
                            from.plus(length),
                            seed(),
                            devices,
                            length.compareTo(LONG_RUN) > 0 ? LONG_JUDGEMENT : JUDGEMENT,
                            RuleConfig.of(ruleOverrides),
                            restartAfter == null
                                    ? null
                                    : new PlatformRestart(
                                            restartAfter.atZone(zone).toInstant(), restartRecords)),
                    group,
                    s -> {});
            store = new InProcessStore(db.dataSource(), result.alarms(), runEnd);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /**
     * The run against an outside platform ({@code testbed suite --platform}): in scaled real time, the sites registered
     * under names of this run. A scenario that sets rule parameters or restarts the platform cannot be staged on a
     * platform the testbed does not control: it is skipped, saying why.
     */
    private void runExternal(
            ExternalTarget target,
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            Instant from,
            Duration length)
            throws Exception {
        if (!ruleOverrides.isEmpty()) {
            throw new TestAbortedException("sets rule parameters " + ruleOverrides.keySet()
                    + ", which the testbed cannot set on an outside platform");
        }
        if (restartAfter != null) {
            throw new TestAbortedException("restarts the platform, which the testbed cannot do to an outside platform");
        }
        devices = Files.createTempDirectory("pollwatt-scenario");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        runStart = from;
        runEnd = from.plus(length);
        try {
            ExternalRun.Result r = ExternalRun.run(
                    target,
                    new ExternalRun.Setup(
                            enterprises,
                            faults,
                            plans,
                            siteTexts,
                            zone(),
                            from,
                            runEnd,
                            seed(),
                            devices,
                            runTag(),
                            length.compareTo(LONG_RUN) > 0 ? LONG_JUDGEMENT : JUDGEMENT),
                    group);
            store = r.store();
            result = new VirtualRun.Result(r.fleet(), r.store().alarms(), r.platform(), 0);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Six random letters and digits: what makes this run's names unique on an outside platform that keeps all. */
    private static String runTag() {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(digits.charAt(random.nextInt(digits.length())));
        }
        return b.toString();
    }

    /** Gives back the platform's database and removes the devices' stores when the scenario ends (picocontainer). */
    @Override
    public void dispose() {
        if (db != null) {
            ScenarioDatabase.release(db);
            db = null;
        }
        if (devices != null) {
            delete(devices);
            devices = null;
        }
    }

    /** What the platform under test raised and stored in the run, while the scenario lasts. */
    PlatformStore store() {
        result();
        return store;
    }

    /** The twins of the run sampled on the devices' 15-minute grid, computed when first asked for. */
    TwinTruth truth() {
        result();
        if (truth == null) {
            Map<String, List<Fault>> faults = new LinkedHashMap<>();
            sites.forEach(s -> faults.put(s.enterprise().id(), s.faults()));
            truth = TwinTruth.run(
                    sites.stream().map(SiteFile::enterprise).toList(),
                    faults,
                    seed(),
                    zone(),
                    runStart,
                    runEnd,
                    Duration.ofMinutes(15));
        }
        return truth;
    }

    /** The rule configuration of the run (the defaults with the scenario's 规则参数). */
    RuleConfig rules() {
        return RuleConfig.of(ruleOverrides);
    }

    /** The staged sites, in order. */
    List<SiteFile> sites() {
        return List.copyOf(sites);
    }

    /** The archives the platform imported, in site order. */
    List<SiteArchive> archives() {
        return List.copyOf(archives);
    }

    Instant runStart() {
        result();
        return runStart;
    }

    Instant runEnd() {
        result();
        return runEnd;
    }

    /** The run seed: {@link #SEED_PROPERTY} when set, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        String s = System.getProperty(SEED_PROPERTY);
        if (s == null || s.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, got '" + s + "'", e);
        }
    }

    /** The zone of the first site (the one every time in a scenario is read in). */
    ZoneId zone() {
        return sites.isEmpty() ? SiteFile.DEFAULT_ZONE : sites.get(0).zone();
    }

    /** Every fault the staged sites name. */
    List<Fault> faults() {
        return sites.stream().flatMap(s -> s.faults().stream()).toList();
    }

    /**
     * Every fault the staged sites name, with its enterprise and zone: the ground truth a run is scored against. A
     * fault whose window lies wholly outside the run (a ready site's fault of another day) is none of this run's
     * truth: nothing of it was simulated. A fault on a point the archive lacks expects nothing
     * ({@link StagedFault#unjudged}).
     */
    List<StagedFault> stagedFaults() {
        List<StagedFault> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            SiteFile s = sites.get(i);
            java.util.Set<String> archived = new java.util.HashSet<>();
            archives.get(i).points().forEach(p -> archived.add(p.id()));
            s.faults().stream()
                    .filter(f -> runStart == null
                            || (f.window().start().isBefore(runEnd)
                                    && f.window().end().isAfter(runStart)))
                    .forEach(f -> {
                        boolean unarchivedPoint =
                                s.enterprise().facility(f.target()).isPresent()
                                        && !archived.contains(f.target())
                                        && !(f instanceof io.pollwatt.twin.fault.ArchiveMismatch);
                        out.add(
                                unarchivedPoint || treatmentFaultWithoutProduction(s, f)
                                        ? StagedFault.unjudged(s.enterprise().id(), s.zone(), f)
                                        : new StagedFault(s.enterprise().id(), s.zone(), f));
                    });
            if (runStart != null) {
                // a meter configured with another ratio than its CT's (configuredCt) is a wrong ratio for the whole
                // run: the twin scales its readings as the fault would (docs/site-format.md), so the truth says so
                for (io.pollwatt.twin.site.Facility p : s.enterprise().facilities()) {
                    double factor = p.meter().ratioError();
                    if (Math.abs(factor - 1) > 1e-9 && archived.contains(p.id())) {
                        out.add(new StagedFault(
                                s.enterprise().id(),
                                s.zone(),
                                new io.pollwatt.twin.fault.WrongCtRatio(
                                        p.id(),
                                        new io.pollwatt.twin.fault.Window(runStart, runEnd),
                                        factor,
                                        p.kind() == io.pollwatt.twin.site.FacilityKind.MAIN)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code f} is a treatment fault (off, under-loaded, shifted) during which no production point associated
     * with its treatment point truly ran (the twin's truth, on the devices' grid): the rules about treatment judge it
     * only while production runs (domain-rules §4, C_assoc; §10 row 28), and an enterprise outage stops production
     * too (ALM-11 suppresses ALM-01). Such a fault expects nothing.
     */
    private boolean treatmentFaultWithoutProduction(SiteFile s, Fault f) {
        if (result == null
                || !(f instanceof io.pollwatt.twin.fault.TreatmentOff
                        || f instanceof io.pollwatt.twin.fault.TreatmentUnderLoad
                        || f instanceof io.pollwatt.twin.fault.TreatmentShifted)) {
            return false;
        }
        Enterprise e = s.enterprise();
        java.util.Set<String> groups = new java.util.HashSet<>();
        e.groups().stream().filter(g -> g.members().contains(f.target())).forEach(g -> groups.add(g.id()));
        List<String> productions = e.associations().stream()
                .filter(a -> groups.contains(a.groupId()))
                .map(a -> a.productionId())
                .distinct()
                .toList();
        if (productions.isEmpty()) {
            return false; // no association: leave the fault's own expectations (the scenario says what it wants)
        }
        Instant from =
                f.window().start().isBefore(runStart) ? runStart : f.window().start();
        Instant to = f.window().end().isAfter(runEnd) ? runEnd : f.window().end();
        for (String p : productions) {
            for (io.pollwatt.twin.sim.PointSample x : truth().samples(e.id(), p)) {
                if (!x.at().isBefore(from)
                        && x.at().isBefore(to)
                        && (x.trueState() == io.pollwatt.twin.sim.TrueState.RUN
                                || x.trueState() == io.pollwatt.twin.sim.TrueState.HIGH)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the scenario's run happened (a scenario that failed before its When has nothing to score). */
    boolean hasRun() {
        return result != null;
    }

    /** Every alarm the platform stored in the run. */
    List<Alarm> alarms() {
        if (result == null) {
            throw new IllegalStateException("nothing ran yet: a Then needs the scenario's When (运行)");
        }
        return result.alarms();
    }

    VirtualRun.Result result() {
        alarms();
        return result;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no failure of the scenario
        }
    }
}
