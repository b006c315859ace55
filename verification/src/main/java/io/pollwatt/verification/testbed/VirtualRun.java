package io.pollwatt.verification.testbed;

import io.netty.channel.EventLoopGroup;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.emulator.fleet.Fleet;
import io.pollwatt.emulator.net.VirtualScheduler;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.alarms.AlarmQuery;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.site.Enterprise;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One in-process run on a virtual clock: the twins of some enterprises drive their emulated DTUs and collectors, which
 * upload over loopback TCP to the reference platform (ingest and rules) on a database the caller owns. The clock jumps
 * from event to event and is held while a device awaits an answer (at most half a second of wall time each; not at
 * all for a device whose MN the registry lacks, which the platform quarantines without an answer). The platform
 * judges once every {@code setup.judgement()} of virtual time, as it would on its own clock.
 *
 * <p>The archives are imported first (they register their sites' devices); the devices of the plans are registered as
 * well, and those of enterprises without a plan (generated ones) as the fleet numbers them. This is what {@code
 * testbed fleet --speed max} runs and what the scenario catalogue's steps run.
 */
public final class VirtualRun {

    /** The wall time a run waits for all devices to connect before virtual time starts moving. */
    private static final Duration CONNECT = Duration.ofSeconds(30);

    /** How long, in wall time, the end of a run waits for the last records' acknowledgements. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    /** How often the reference platform judges on its own clock. */
    public static final Duration JUDGEMENT_PERIOD = Duration.ofMinutes(15);

    private VirtualRun() {}

    /**
     * What to run.
     *
     * @param enterprises the twins
     * @param faults staged faults by enterprise id (an enterprise without an entry has none)
     * @param plans device plans by enterprise id (an enterprise without one is numbered by the fleet)
     * @param archives the archives the platform imports
     * @param zone the zone of the devices' DataTime
     * @param start the first simulated instant
     * @param end the instant the run stops at
     * @param seed the run seed
     * @param store where the devices keep their stores
     * @param judgement how often, in virtual time, the platform's rules run ({@link #JUDGEMENT_PERIOD} as the
     *     platform does; a scenario may judge less often, for speed, and accept later detection)
     * @param rules the rule configuration the platform judges with (Appendix A keys; defaults unless overridden)
     * @param restart a restart of the platform during the run, or null for none
     */
    public record Setup(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            List<SiteArchive> archives,
            ZoneId zone,
            Instant start,
            Instant end,
            long seed,
            Path store,
            Duration judgement,
            RuleConfig rules,
            PlatformRestart restart) {

        public Setup {
            Objects.requireNonNull(rules, "rules");
            enterprises = List.copyOf(enterprises);
            faults = Map.copyOf(faults);
            plans = Map.copyOf(plans);
            archives = List.copyOf(archives);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(store, "store");
            if (judgement.isNegative() || judgement.isZero()) {
                throw new IllegalArgumentException("the judgement period must be positive, got " + judgement);
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("the run must end after it starts: " + start + " .. " + end);
            }
        }
    }

    /**
     * What a run left behind.
     *
     * @param fleet the fleet's summary once the last records were acknowledged (or the drain gave up)
     * @param alarms every alarm the platform stored, in its order
     * @param platform the ingest counters at the end (since the last restart)
     * @param platformRestarts how many times the platform was restarted during the run
     */
    public record Result(Fleet.Summary fleet, List<Alarm> alarms, PlatformCounts platform, int platformRestarts) {

        public Result {
            alarms = List.copyOf(alarms);
        }
    }

    /**
     * The ingest counters of the platform at the end of a run ({@code GET /api/stats}).
     *
     * @param gapRequests the requests the platform sent for the minute data of a real-time gap (active gap fill)
     */
    public record PlatformCounts(
            long accepted, long records, long duplicates, long quarantined, long rejected, long gapRequests) {}

    /**
     * Runs from {@code setup.start()} to {@code setup.end()}.
     *
     * @param db the platform's database (the caller opens and closes it)
     * @param group the event loops the devices connect on
     * @param progress told of the fleet's summary about once per virtual hour and at the end
     */
    public static Result run(Database db, Setup setup, EventLoopGroup group, Consumer<Fleet.Summary> progress)
            throws Exception {
        try (VirtualScheduler scheduler = new VirtualScheduler(setup.start(), Duration.ofMillis(500), "fleet")) {
            Clock clock = scheduler.clock();
            DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
            ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
            for (SiteArchive a : setup.archives()) {
                archive.importArchive(a); // registers the site's devices as its archive (备案) has them
            }
            setup.plans().forEach((enterprise, plan) -> {
                plan.dtus().forEach(d -> registry.register(d.mn(), d.pw(), enterprise));
                plan.collectors().forEach(c -> registry.register(c.mn(), c.pw(), enterprise));
            });
            RuleService rules = RuleService.create(db.dataSource(), setup.rules(), clock);
            try (RestartablePlatform platform =
                            new RestartablePlatform(db.dataSource(), registry, clock, rules::stored, setup.restart());
                    Fleet fleet = Fleet.start(
                            setup.enterprises(),
                            setup.faults(),
                            setup.plans(),
                            new Fleet.Settings(
                                    platform.address(),
                                    setup.zone(),
                                    setup.start(),
                                    setup.store(),
                                    setup.seed(),
                                    Sender.Settings.defaults(),
                                    false), // the devices live and die with the run: no disk sync per record
                            scheduler,
                            group)) {
                for (Fleet.DeviceInfo d : fleet.devices()) {
                    if (!setup.plans().containsKey(d.enterpriseId())) {
                        registry.register(d.mn(), d.pw(), d.enterpriseId());
                    }
                }
                Set<String> registered = registered(db, registry, fleet);
                awaitConnections(fleet);
                platform.listen();
                Instant end = setup.end();
                Instant t = setup.start();
                Instant hour = t.plus(Duration.ofHours(1));
                while (t.isBefore(end)) {
                    Instant next = t.plus(setup.judgement());
                    t = next.isBefore(end) ? next : end;
                    scheduler.runUntil(t, () -> fleet.awaitingAnswers(registered::contains));
                    rules.tick();
                    if (!t.isBefore(hour) || !t.isBefore(end)) {
                        progress.accept(fleet.summary());
                        hour = hour.plus(Duration.ofHours(1));
                    }
                }
                Fleet.Summary summary = drained(fleet, registered::contains);
                rules.tick(); // what the drain delivered
                List<Alarm> alarms = rules.alarms().list(AlarmQuery.all());
                var stats = platform.stats();
                return new Result(
                        summary,
                        alarms,
                        new PlatformCounts(
                                stats.accepted(),
                                stats.records(),
                                stats.duplicates(),
                                stats.quarantined(),
                                stats.rejected(),
                                stats.gapRequests()),
                        platform.restarts());
            }
        }
    }

    /**
     * The fleet's MNs the platform's registry holds. Time is held only for their answers: a device with an unknown MN
     * (never delivered, not archived) is quarantined without one, and waiting the patience for each of its sends
     * cost minutes of wall time per scenario.
     */
    private static Set<String> registered(Database db, DeviceRegistry registry, Fleet fleet) throws SQLException {
        List<String> mns =
                fleet.devices().stream().map(Fleet.DeviceInfo::mn).distinct().toList();
        try (Connection c = db.dataSource().getConnection()) {
            return Set.copyOf(registry.passwords(c, mns).keySet());
        }
    }

    /**
     * Waits (wall time, at most {@link #CONNECT}) until every device of the fleet is connected: connections are real,
     * and virtual time must not run before they are up.
     */
    public static void awaitConnections(Fleet fleet) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT.toNanos();
        Fleet.Summary s = fleet.summary();
        while (s.connected() < s.devices() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
            s = fleet.summary();
        }
    }

    /**
     * The summary once every record built so far is acknowledged, or after {@link #DRAIN} of wall time. The devices
     * keep polling meanwhile, so a record built at the last grid instant is not counted as unsent merely because its
     * acknowledgement was a few milliseconds away.
     */
    public static Fleet.Summary drained(Fleet fleet) throws InterruptedException {
        return drained(fleet, mn -> true);
    }

    /** As {@link #drained(Fleet)}, waiting only for the devices whose MN {@code answered} accepts. */
    public static Fleet.Summary drained(Fleet fleet, Predicate<String> answered) throws InterruptedException {
        long until = System.nanoTime() + DRAIN.toNanos();
        while (fleet.unsent(answered) > 0 && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return fleet.summary();
    }
}
