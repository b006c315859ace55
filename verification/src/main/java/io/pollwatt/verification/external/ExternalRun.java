package io.pollwatt.verification.external;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.emulator.fleet.Fleet;
import io.pollwatt.emulator.net.ScaledClock;
import io.pollwatt.emulator.net.VirtualScheduler;
import io.pollwatt.emulator.net.WallClockScheduler;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.verification.testbed.PlatformStoreException;
import io.pollwatt.verification.testbed.VirtualRun;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One run against a platform outside this process, reached only over HJ 212 TCP and the reference REST contract. The
 * sites are registered under names of this run ({@link SiteAlias}); the twins drive the emulated devices against the
 * platform's ingest; the checks read what the platform raised and stored through the API ({@link RestStore}).
 *
 * <ul>
 *   <li><b>Virtual time</b> ({@code --speed max}): for a platform whose clock the testbed may set ({@code PUT
 *       /api/clock}, {@code testbed platform --test-clock}). The devices run on a virtual clock as in-process; before
 *       each virtual minute the platform's clock is set to its end, and at each judgement period the platform
 *       judges. As deterministic as an in-process run; one run at a time (the platform has one clock).
 *   <li><b>Scaled real time</b> ({@code --speed xN}): for any platform. The devices run N times faster than real time;
 *       the platform judges on its own clock, and the run waits until its records and alarms stay unchanged for
 *       {@link ExternalTarget#settle()}. DataTimes are the scenario's, in the past, so the platform sees a backlog
 *       arriving: one that judges a device's silence or clock against its own time raises DQ-05/06/18 the scenarios
 *       do not expect (docs/scenarios.md).
 * </ul>
 */
public final class ExternalRun {

    /** How often the run looks at the fleet and the platform (wall time). */
    private static final Duration LOOK = Duration.ofMillis(200);

    /** The longest wait for a quiet platform beyond the settle time: a platform still changing after it fails. */
    private static final Duration QUIET_LIMIT = Duration.ofMinutes(15);

    private ExternalRun() {}

    /**
     * What to run: as {@link VirtualRun.Setup}, with the site files' text (registered under their aliases) instead of
     * parsed archives.
     */
    public record Setup(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            Map<String, String> siteTexts,
            ZoneId zone,
            Instant start,
            Instant end,
            long seed,
            Path store,
            String tag,
            Duration judgement) {

        public Setup {
            enterprises = List.copyOf(enterprises);
            faults = Map.copyOf(faults);
            plans = Map.copyOf(plans);
            siteTexts = Map.copyOf(siteTexts);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(store, "store");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("the run must end after it starts: " + start + " .. " + end);
            }
            if (judgement.isNegative() || judgement.isZero() || judgement.toSeconds() % 60 != 0) {
                throw new IllegalArgumentException("the judgement period must be whole minutes, got " + judgement);
            }
        }
    }

    /** The platform has one clock: runs in virtual time take turns. */
    private static final java.util.concurrent.locks.ReentrantLock VIRTUAL =
            new java.util.concurrent.locks.ReentrantLock();

    /**
     * How far ahead of the devices the platform's clock is set: a frame is received at most this long after it was
     * sent, never before its DataTime, and everything sent in a step has arrived when the step ends. It must stay
     * well inside the platform's clock tolerance: the reference platform reads a device clock more than 2 minutes off
     * its own as drift (DQ-18) and sets it (1012), and at 15 minutes it did, shifting the devices' DataTimes.
     */
    private static final Duration CLOCK_STEP = Duration.ofMinutes(1);

    /**
     * What the run left.
     *
     * @param fleet the fleet's summary once its records were acknowledged (or the drain gave up)
     * @param store the platform's answers, under the staged ids
     * @param platform the platform's ingest counters at the end ({@code GET /api/stats})
     */
    public record Result(Fleet.Summary fleet, RestStore store, VirtualRun.PlatformCounts platform) {}

    /** Runs {@code setup} against {@code target}. */
    public static Result run(ExternalTarget target, Setup setup, EventLoopGroup group) throws InterruptedException {
        ReferenceApi api = new ReferenceApi(target.api(), target.token());
        if (!api.healthy()) {
            throw new PlatformStoreException("the platform's API at " + api.base() + " is not up (GET /api/health)");
        }
        if (target.virtual() && !api.clockSettable()) {
            throw new PlatformStoreException("the platform at " + api.base() + " runs on its own clock (GET /api/clock"
                    + " is not settable), so --speed max cannot move its time: start it with a test clock (testbed"
                    + " platform --test-clock) or run in scaled real time (--speed x1440)");
        }
        List<SiteAlias> sites = new ArrayList<>();
        Map<String, DevicePlan> plans = new LinkedHashMap<>();
        for (Enterprise e : setup.enterprises()) {
            String text = setup.siteTexts().get(e.id());
            DevicePlan plan = setup.plans().get(e.id());
            if (text == null || plan == null) {
                throw new IllegalArgumentException("enterprise " + e.id() + " has no site file or device plan");
            }
            SiteAlias alias = SiteAlias.of(e.id(), text, plan, setup.tag());
            sites.add(alias);
            plans.put(e.id(), alias.plan());
            api.importSite(alias.text());
            alias.plan().dtus().forEach(d -> api.registerDevice(d.mn(), d.pw(), alias.alias()));
            alias.plan().collectors().forEach(c -> api.registerDevice(c.mn(), c.pw(), alias.alias()));
        }
        RestStore store = new RestStore(api, sites);
        InetSocketAddress address = new InetSocketAddress(
                target.hj212().getHostString(), target.hj212().getPort());
        Fleet.Summary summary = target.virtual()
                ? virtual(api, setup, plans, address, group)
                : scaled(target, setup, plans, address, group);
        if (!target.virtual()) {
            awaitQuiet(api, store, target.settle());
        }
        JsonNode stats = api.stats();
        return new Result(
                summary,
                store,
                new VirtualRun.PlatformCounts(
                        stats.path("accepted").asLong(),
                        stats.path("records").asLong(),
                        stats.path("duplicates").asLong(),
                        stats.path("quarantined").asLong(),
                        stats.path("rejected").asLong(),
                        stats.path("gapRequests").asLong()));
    }

    /**
     * Virtual time: the platform's clock is set to the end of each {@link #CLOCK_STEP} before the devices run through
     * it (so no record arrives before its DataTime), and the platform judges every {@code setup.judgement()}, once all
     * of it has arrived, and at the end.
     */
    private static Fleet.Summary virtual(
            ReferenceApi api,
            Setup setup,
            Map<String, DevicePlan> plans,
            InetSocketAddress address,
            EventLoopGroup group)
            throws InterruptedException {
        VIRTUAL.lockInterruptibly();
        try (VirtualScheduler scheduler =
                new VirtualScheduler(setup.start(), Duration.ofMillis(500), "external-fleet")) {
            api.setClock(setup.start(), false);
            try (Fleet fleet = Fleet.start(
                    setup.enterprises(),
                    setup.faults(),
                    plans,
                    settings(setup, address, io.pollwatt.emulator.device.Sender.Settings.defaults()),
                    scheduler,
                    group)) {
                VirtualRun.awaitConnections(fleet);
                Set<String> archived = archivedMns(plans, fleet);
                Instant judged = setup.start();
                Instant t = setup.start();
                while (t.isBefore(setup.end())) {
                    Instant next = t.plus(CLOCK_STEP);
                    t = next.isBefore(setup.end()) ? next : setup.end();
                    api.setClock(t, false); // before the devices get there: what they send in the step is received at t
                    scheduler.runUntil(t, () -> fleet.awaitingAnswers(archived::contains));
                    if (!t.isBefore(judged.plus(setup.judgement()))) {
                        api.setClock(t, true);
                        judged = t;
                    }
                }
                Fleet.Summary summary = VirtualRun.drained(fleet, archived::contains);
                api.setClock(setup.end(), true); // what the drain delivered
                return summary;
            }
        } finally {
            VIRTUAL.unlock();
        }
    }

    /**
     * The MNs the run's archives register on the platform (and the fleet's own numbering for a site without devices in
     * its file). Time is held only for their answers: a device sending under another MN (never delivered) is
     * quarantined without one, as in an in-process run.
     */
    private static Set<String> archivedMns(Map<String, DevicePlan> plans, Fleet fleet) {
        Set<String> out = new HashSet<>();
        plans.values().forEach(p -> {
            p.dtus().forEach(d -> out.add(d.mn()));
            p.collectors().forEach(c -> out.add(c.mn()));
        });
        fleet.devices().stream()
                .filter(d -> !plans.containsKey(d.enterpriseId()))
                .forEach(d -> out.add(d.mn()));
        return Set.copyOf(out);
    }

    /** The fleet's settings: the devices live and die with the run, so their stores do not sync each record. */
    private static Fleet.Settings settings(
            Setup setup, InetSocketAddress address, io.pollwatt.emulator.device.Sender.Settings sender) {
        return new Fleet.Settings(address, setup.zone(), setup.start(), setup.store(), setup.seed(), sender, false);
    }

    /** Scaled real time: the devices run {@code target.speed()} times real time; the platform keeps its own time. */
    private static Fleet.Summary scaled(
            ExternalTarget target,
            Setup setup,
            Map<String, DevicePlan> plans,
            InetSocketAddress address,
            EventLoopGroup group)
            throws InterruptedException {
        try (WallClockScheduler scheduler = new WallClockScheduler(
                        new ScaledClock(Clock.systemUTC(), setup.start(), target.speed()), "external-fleet");
                Fleet fleet = Fleet.start(
                        setup.enterprises(),
                        setup.faults(),
                        plans,
                        settings(setup, address, FleetPace.senderSettings(target.speed())),
                        scheduler,
                        group)) {
            Fleet.Summary summary = fleet.summary();
            while (summary.simulatedNow().isBefore(setup.end())) {
                TimeUnit.MILLISECONDS.sleep(LOOK.toMillis()); // device time runs on the fleet's own threads
                summary = fleet.summary();
            }
            return VirtualRun.drained(fleet);
        }
    }

    /**
     * Waits until the platform's stored-record count and the sites' alarms have not changed for {@code settle}: the
     * platform has judged what it received. A platform still changing after {@link #QUIET_LIMIT} more fails the run.
     */
    static void awaitQuiet(ReferenceApi api, RestStore store, Duration settle) throws InterruptedException {
        long limit = System.nanoTime() + settle.plus(QUIET_LIMIT).toNanos();
        String last = snapshot(api, store);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < settle.toNanos()) {
            if (System.nanoTime() > limit) {
                throw new PlatformStoreException("the platform did not settle: its records or alarms still changed "
                        + QUIET_LIMIT.toMinutes() + " min after the run (settle " + settle + ")");
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(settle.toMillis(), 1_000));
            String now = snapshot(api, store);
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** What must stop changing: the stored records and each alarm's episode, level and status. */
    private static String snapshot(ReferenceApi api, RestStore store) {
        StringBuilder b = new StringBuilder().append(api.stats().path("records").asLong());
        for (Alarm a : store.currentAlarms()) {
            b.append('|')
                    .append(a.id())
                    .append(a.start())
                    .append(a.end())
                    .append(a.level())
                    .append(a.status());
        }
        return b.toString();
    }
}
