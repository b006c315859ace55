package io.pollwatt.verification.certification;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.emulator.fleet.Fleet;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.UplinkOutage;
import io.pollwatt.verification.external.ExternalRun;
import io.pollwatt.verification.external.ExternalTarget;
import io.pollwatt.verification.external.ReferenceApi;
import io.pollwatt.verification.external.SiteAlias;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.testbed.PlatformStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fleet part of platform certification ({@code testbed certify-platform}): registers a small site on the platform
 * under a name of this run, drives its emulated DTU through a {@link FrameRelay} the tester watches and acts through
 * ({@link FleetWatch}), one day of device time with an hour of uplink outage, then reads the platform back through the
 * reference REST contract and judges the ingestion, acknowledgement, deduplication and aggregation cases
 * ({@link PlatformChecks}).
 */
public final class PlatformCertifier {

    /** The site the fleet runs (a resource beside this class). */
    static final String SITE = "platform-site.yaml";

    /**
     * Device time of the run: from a quarter before midnight, so the whole day 2026-03-01 is sent with the readings at
     * both its midnights, to half past the next.
     */
    static final LocalDateTime START = LocalDateTime.of(2026, 2, 28, 23, 45);

    static final Duration LENGTH = Duration.ofHours(24).plusMinutes(45);

    /** How often a platform on a test clock judges during the run. */
    static final Duration JUDGEMENT = Duration.ofHours(1);

    private PlatformCertifier() {}

    /**
     * What the fleet part found.
     *
     * @param results the verdicts of PLT-ING-01 … PLT-AGG-03, in catalogue order
     * @param about facts for the report: the site's name on the platform, the fleet's counts, the platform's counters
     */
    public record Outcome(List<CaseResult> results, Map<String, String> about) {}

    /**
     * Checks that the target can be reached before anything is registered on it: the ingest's TCP port, the API's
     * health, and (for virtual time) its test clock.
     *
     * @throws PlatformStoreException naming what is wrong
     */
    public static void preflight(ExternalTarget target) {
        InetSocketAddress a = target.hj212();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), 5_000);
        } catch (IOException e) {
            throw new PlatformStoreException(
                    "cannot connect to the platform's HJ 212 ingest at --target " + a.getHostString() + ":"
                            + a.getPort() + ": " + e.getMessage(),
                    e);
        }
        ReferenceApi api = new ReferenceApi(target.api(), target.token());
        if (!api.healthy()) {
            throw new PlatformStoreException(
                    "the platform's API at --api " + api.base() + " does not answer GET /api/health with status up");
        }
        if (target.virtual() && !api.clockSettable()) {
            throw new PlatformStoreException("the platform at " + api.base() + " runs on its own clock (GET /api/clock"
                    + " is not settable), so --speed max cannot move its time: start it with a test clock (testbed"
                    + " platform --test-clock) or give --speed x1440");
        }
    }

    /**
     * Runs the fleet against {@code target} and judges it.
     *
     * @param tag what makes this run's names unique on the platform (1–8 of {@code 0-9 a-z A-Z})
     * @param work a folder for the devices' stores
     * @param seed the run seed of the twin and the devices
     * @param progress one line per step
     */
    public static Outcome run(ExternalTarget target, String tag, Path work, long seed, Consumer<String> progress)
            throws InterruptedException, IOException {
        String text = siteText();
        SiteFile site;
        try {
            site = SiteFile.parse(SITE, text);
        } catch (io.pollwatt.verification.site.SiteFileException e) {
            throw new IllegalStateException("the certification site " + SITE + " does not read: " + e.getMessage(), e);
        }
        String id = site.enterprise().id();
        ZoneId zone = site.zone();
        SiteAlias alias = SiteAlias.of(id, text, site.devices(), tag);
        ReferenceApi api = new ReferenceApi(target.api(), target.token());
        Map<String, DeviceMeters> devices = new LinkedHashMap<>();
        for (DevicePlan.DtuPlan d : alias.plan().dtus()) {
            Map<Integer, String> meters = new LinkedHashMap<>();
            d.meters().forEach(m -> meters.put(m.number(), m.pointId()));
            devices.put(d.mn(), new DeviceMeters(d.mn(), meters));
        }
        Instant start = START.atZone(zone).toInstant();
        Instant end = start.plus(LENGTH);
        JsonNode before = api.stats();
        FleetWatch watch =
                new FleetWatch((mn, cn, dataTime, qn) -> storedNow(api, alias.alias(), devices, mn, cn, dataTime));
        Path stores = Files.createDirectories(work.resolve("stores"));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExternalRun.Result result;
        long t0 = System.nanoTime();
        progress.accept("fleet: site " + id + " registered as " + alias.alias() + ", one DTU with "
                + devices.values().iterator().next().meters().size() + " meters, device time " + START + " .. "
                + START.plus(LENGTH) + " (" + zone + "), an uplink outage of " + outages(site.faults()));
        try (FrameRelay relay = new FrameRelay(new InetSocketAddress("127.0.0.1", 0), target.hj212(), watch, group)) {
            ExternalTarget viaRelay = new ExternalTarget(
                    InetSocketAddress.createUnresolved(
                            "127.0.0.1", relay.address().getPort()),
                    target.api(),
                    target.token(),
                    target.speed(),
                    target.settle());
            result = ExternalRun.run(
                    viaRelay,
                    new ExternalRun.Setup(
                            List.of(site.enterprise()),
                            Map.of(id, site.faults()),
                            Map.of(id, site.devices()),
                            Map.of(id, text),
                            zone,
                            start,
                            end,
                            seed,
                            stores,
                            tag,
                            JUDGEMENT),
                    group);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        watch.drain();
        JsonNode after = quiet(api);
        progress.accept("fleet: done in %.1f s wall: %d records built, %d uploads sent, %d acknowledged, %d retries"
                .formatted(
                        (System.nanoTime() - t0) / 1e9,
                        result.fleet().recordsBuilt(),
                        result.fleet().framesSent(),
                        result.fleet().framesAcked(),
                        result.fleet().retries()));
        List<PlatformChecks.Built> built = new ArrayList<>();
        for (DeviceMeters d : devices.values()) {
            Path dir = stores.resolve(id).resolve(d.mn());
            try (RecordStore store = RecordStore.open(dir, Duration.ofDays(30), Set.of(Fleet.PLATFORM))) {
                for (String cn : List.of("2011", "2051")) {
                    store.range(cn, start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)))
                            .forEach(r -> built.add(new PlatformChecks.Built(d.mn(), r.cn(), r.segment())));
                }
            }
        }
        PlatformChecks checks = new PlatformChecks(
                api,
                alias.alias(),
                devices,
                zone,
                START.toLocalDate(),
                START.plus(LENGTH).toLocalDate());
        List<CaseResult> results = checks.judge(built, watch, before, after);
        Map<String, String> about = new LinkedHashMap<>();
        about.put("site", id + " registered as " + alias.alias() + " (" + SITE + ")");
        about.put("device time", START + " .. " + START.plus(LENGTH) + " " + zone);
        about.put(
                "fleet",
                "%d records built, %d uploads sent, %d acknowledged, %d retries, %d unsent"
                        .formatted(
                                result.fleet().recordsBuilt(),
                                result.fleet().framesSent(),
                                result.fleet().framesAcked(),
                                result.fleet().retries(),
                                result.fleet().unsent()));
        about.put("platform stats before / after", before + " / " + after);
        return new Outcome(results, about);
    }

    /** How long the stored-record count must stay unchanged before the platform is read back. */
    static final Duration QUIET = Duration.ofMillis(1_500);

    /**
     * The platform's counters once its stored-record count has stood still for {@link #QUIET} (at most a minute): a
     * platform that stores a little after it acknowledges is read once it has, so only PLT-ACK-01's reads at the
     * moment of the 9014 see the difference.
     */
    private static JsonNode quiet(ReferenceApi api) throws InterruptedException {
        long limit = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode last = api.stats();
        long since = System.nanoTime();
        while (System.nanoTime() - since < QUIET.toNanos() && System.nanoTime() < limit) {
            TimeUnit.MILLISECONDS.sleep(250); // the platform's storage is real concurrency: poll it
            JsonNode now = api.stats();
            if (now.path("records").asLong() != last.path("records").asLong()) {
                since = System.nanoTime();
            }
            last = now;
        }
        return last;
    }

    /** Which point each meter number of a DTU reports. */
    record DeviceMeters(String mn, Map<Integer, String> meters) {}

    /** Whether the API returns the record now, read through its first meter's point; empty without such a point. */
    private static Optional<Boolean> storedNow(
            ReferenceApi api,
            String enterprise,
            Map<String, DeviceMeters> devices,
            String mn,
            String cn,
            LocalDateTime dataTime) {
        DeviceMeters d = devices.get(mn);
        if (d == null || d.meters().isEmpty()) {
            return Optional.empty();
        }
        String point = d.meters().values().iterator().next();
        Optional<List<PointSeries.Sample>> samples =
                api.records(enterprise, point, dataTime.toLocalDate(), dataTime.toLocalDate());
        return Optional.of(samples.orElse(List.of()).stream()
                .anyMatch(s -> s.cn().equals(cn) && s.dataTime().equals(dataTime)));
    }

    private static String outages(List<Fault> faults) {
        List<String> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f instanceof UplinkOutage o) {
                out.add(o.window().start() + " .. " + o.window().end());
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    static String siteText() {
        try (InputStream in = PlatformCertifier.class.getResourceAsStream(SITE)) {
            if (in == null) {
                throw new IllegalStateException("the certification site " + SITE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SITE, e);
        }
    }
}
