package io.pollwatt.emulator.fleet;

import io.netty.channel.EventLoopGroup;
import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.collector.Rs485Link;
import io.pollwatt.emulator.collector.VocCollector;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.GatedUplink;
import io.pollwatt.emulator.device.LiveScheduler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.dtu.Dtu;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.net.TcpUplink;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.fault.ClockDrift;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.LoraLoss;
import io.pollwatt.twin.fault.MnNotDelivered;
import io.pollwatt.twin.fault.ResendOff;
import io.pollwatt.twin.fault.UplinkOutage;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.StackSample;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.Stack;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Many enterprises' devices in one process (device-emulators issue, fleet runner): per enterprise a {@link Twin}
 * stepped every simulated minute and the devices of its {@link DevicePlan} (a site file's {@code devices:}: DTUs
 * carrying up to 99 meters each, one {@link VocCollector} per stack with an analyzer, with their MNs and PWs), or,
 * without a plan, one {@link Dtu} for all its meters and one collector per stack with an analyzer, numbered through
 * the fleet; each device has its own 30-day store under {@code storeRoot} and its own TCP connection to the target
 * platform. Everything runs on one {@link WallClockScheduler} thread, whose clock may be scaled, so device
 * logic stays single-threaded; the network runs on the Netty event loops.
 *
 * <p>The devices act out the twin's transport faults: {@code uplink-outage} cuts the enterprise's devices off for
 * its window (they store and resend), {@code clock-drift} moves the DTU's clock for its window, {@code
 * mn-not-delivered} makes the DTU send its factory MN for the whole run, and {@code lora-loss} sets the loss of the
 * point's LoRa link for the whole run; clock drift and an undelivered MN act on the DTU that carries the target point.
 */
public final class Fleet implements AutoCloseable {

    /** The name of the target platform in the stores' cursors. */
    public static final String PLATFORM = "platform";

    /**
     * How the fleet runs.
     *
     * @param target the platform's HJ 212 address
     * @param zone the devices' zone
     * @param start the simulated start (the scheduler's clock must read it at {@link #start})
     * @param storeRoot where the devices keep their stores
     * @param seed the run seed (twins, links, MNs)
     * @param sender answer timeout, retries, resend pacing
     * @param syncStores whether the devices' stores force every record to the disk (as a device's flash keeps it
     *     through a power loss); a virtual run's devices live and die with the process and need not
     */
    public record Settings(
            InetSocketAddress target,
            ZoneId zone,
            Instant start,
            Path storeRoot,
            long seed,
            Sender.Settings sender,
            boolean syncStores) {

        /** Settings whose stores sync every record. */
        public Settings(
                InetSocketAddress target,
                ZoneId zone,
                Instant start,
                Path storeRoot,
                long seed,
                Sender.Settings sender) {
            this(target, zone, start, storeRoot, seed, sender, true);
        }

        public Settings {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(storeRoot, "storeRoot");
            Objects.requireNonNull(sender, "sender");
        }
    }

    /**
     * Where the fleet stands.
     *
     * @param enterprises enterprises simulated
     * @param devices DTUs and data collectors
     * @param connected devices whose connection is up
     * @param simulatedNow the simulated instant
     * @param recordsBuilt records built and stored (packets one by one)
     * @param framesSent uploads sent, resends included
     * @param framesAcked uploads the platform acknowledged
     * @param retries resends of unanswered uploads
     * @param unsent records not yet acknowledged that the devices will still send (not those their resend is off for)
     * @param dropped records dropped unsent by full stores
     */
    public record Summary(
            int enterprises,
            int devices,
            int connected,
            Instant simulatedNow,
            long recordsBuilt,
            long framesSent,
            long framesAcked,
            long retries,
            long unsent,
            long dropped) {}

    private record Device(FieldDevice device, Sender sender, TcpUplink uplink, RecordStore store) {}

    private final LiveScheduler scheduler;
    private final List<Twin> twins = new ArrayList<>();
    private final List<Map<String, PointSample>> latest = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final Map<FieldDevice, String> enterpriseOf = new HashMap<>();
    private final Settings settings;
    private Instant twinTime;

    private Fleet(LiveScheduler scheduler, Settings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /**
     * Builds the fleet and starts it: connections, polling, the twins' minute steps. Every enterprise gets the
     * devices of {@link #start(List, Map, Map, Settings, WallClockScheduler, EventLoopGroup)} without a plan.
     *
     * @param faults per enterprise id, the faults its twin plays (absent: none)
     */
    public static Fleet start(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Settings settings,
            LiveScheduler scheduler,
            EventLoopGroup group) {
        return start(enterprises, faults, Map.of(), settings, scheduler, group);
    }

    /**
     * Builds the fleet and starts it: connections, polling, the twins' minute steps.
     *
     * @param faults per enterprise id, the faults its twin plays (absent: none)
     * @param plans per enterprise id, its devices (a site file's {@code devices:}); an enterprise without one gets
     *     one DTU carrying every point in order and one collector per stack with an analyzer, numbered through the
     *     fleet by {@link #mn(int)}
     * @throws IllegalArgumentException when a plan names a point or stack the enterprise lacks, or a stack without
     *     an analyzer
     */
    public static Fleet start(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            Settings settings,
            LiveScheduler scheduler,
            EventLoopGroup group) {
        Fleet fleet = new Fleet(scheduler, settings);
        CompletableFuture<Void> built = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                fleet.build(enterprises, faults, plans, group);
                built.complete(null);
            } catch (RuntimeException e) {
                built.completeExceptionally(e);
            }
        });
        try {
            built.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        return fleet;
    }

    private void build(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            Map<String, DevicePlan> plans,
            EventLoopGroup group) {
        Seeds seeds = new Seeds(settings.seed());
        twinTime = settings.start();
        int deviceNumber = 0;
        Map<String, String> mnOwner = new HashMap<>();
        for (Enterprise e : enterprises) {
            List<Fault> own = faults.getOrDefault(e.id(), List.of());
            DevicePlan plan = plans.get(e.id());
            if (plan == null) {
                plan = sequentialPlan(e, deviceNumber);
                deviceNumber += plan.dtus().size() + plan.collectors().size();
            }
            checkPlan(e, plan);
            for (String mn : mns(plan)) {
                String other = mnOwner.putIfAbsent(mn, e.id());
                if (other != null) {
                    throw new IllegalArgumentException(
                            "MN " + mn + " of enterprise " + e.id() + " is already used by enterprise " + other);
                }
            }
            Twin twin = new Twin(e, own, seeds, settings.zone(), settings.start());
            twins.add(twin);
            Map<String, PointSample> samples = new HashMap<>();
            twin.samples().forEach(s -> samples.put(s.pointId(), s));
            latest.add(samples);
            for (DevicePlan.DtuPlan d : plan.dtus()) {
                List<Dtu.MeterBinding> meters = new ArrayList<>();
                for (DevicePlan.Meter m : d.meters()) {
                    LoraLink.Config typical = LoraLink.Config.typical();
                    double loss = own.stream()
                            .filter(x -> x instanceof LoraLoss && x.target().equals(m.pointId()))
                            .mapToDouble(x -> ((LoraLoss) x).lossProbability())
                            .max()
                            .orElse(typical.lossProbability());
                    LoraLink link = new LoraLink(
                            new LoraLink.Config(
                                    typical.spreadingFactor(),
                                    loss,
                                    typical.dutyCycle(),
                                    typical.burstsPerHour(),
                                    typical.burstLength(),
                                    typical.processingLatency()),
                            seeds.streamFor("lora/" + e.id() + "/" + m.pointId()));
                    meters.add(new Dtu.MeterBinding(m.number(), m.pointId(), link));
                }
                Set<String> carried = new HashSet<>();
                d.meters().forEach(m -> carried.add(m.pointId()));
                RecordStore store = store(e.id(), d.mn());
                // a DTU acts out the transport faults of the points it carries
                boolean mnDelivered =
                        own.stream().noneMatch(x -> x instanceof MnNotDelivered && carried.contains(x.target()));
                Dtu dtu = new Dtu(
                        identity(d.mn(), d.pw(), St.FLUE_GAS_PROCESS, mnDelivered),
                        FactorCodeTable.pollwattDefault(),
                        meters,
                        samples::get,
                        store,
                        scheduler);
                Device connected = connect(
                        dtu, store, group, reattached(outages(own), seeds.streamFor("4g/" + e.id() + "/" + d.mn())));
                connected
                        .sender()
                        .noResend(own.stream()
                                .filter(x -> x instanceof ResendOff && carried.contains(x.target()))
                                .map(Fault::window)
                                .toList());
                devices.add(connected);
                enterpriseOf.put(dtu, e.id());
                for (Fault x : own) {
                    if (x instanceof ClockDrift drift && carried.contains(drift.target())) {
                        // the DTU's clock runs off during the window
                        scheduleAt(drift.window().start(), () -> dtu.setClockOffset(drift.offset()));
                        scheduleAt(drift.window().end(), () -> dtu.setClockOffset(Duration.ZERO));
                    }
                }
            }
            for (DevicePlan.CollectorPlan c : plan.collectors()) {
                RecordStore cstore = store(e.id(), c.mn());
                VocCollector collector = new VocCollector(
                        identity(c.mn(), c.pw(), St.AIR_POLLUTION_SOURCE, true),
                        VocCollector.Codes.DEFAULT,
                        c.stackId(),
                        id -> stackSample(twin, id),
                        Rs485Link.clean(seeds.streamFor("rs485/" + e.id() + "/" + c.stackId())),
                        1000,
                        cstore,
                        scheduler);
                devices.add(connect(
                        collector,
                        cstore,
                        group,
                        reattached(outages(own), seeds.streamFor("4g/" + e.id() + "/" + c.mn()))));
                enterpriseOf.put(collector, e.id());
            }
        }
        devices.forEach(d -> d.device().start(settings.start()));
        scheduler.schedule(Duration.ofMinutes(1), this::stepTwins);
    }

    /** The devices of an enterprise without a plan: numbered on from {@code before} devices of the fleet. */
    private static DevicePlan sequentialPlan(Enterprise e, int before) {
        if (e.facilities().size() > DevicePlan.MAX_METERS) {
            throw new IllegalArgumentException(
                    "enterprise " + e.id() + " has more than 99 points; one DTU carries at most 99 meters");
        }
        int n = before;
        List<DevicePlan.Meter> meters = new ArrayList<>();
        for (Facility f : e.facilities()) {
            meters.add(new DevicePlan.Meter(meters.size() + 1, f.id()));
        }
        List<DevicePlan.DtuPlan> dtus = List.of(new DevicePlan.DtuPlan(mn(++n), DevicePlan.DEFAULT_PW, meters));
        List<DevicePlan.CollectorPlan> collectors = new ArrayList<>();
        for (Stack stack : e.stacks()) {
            if (stack.analyzer() != null) {
                collectors.add(new DevicePlan.CollectorPlan(mn(++n), DevicePlan.DEFAULT_PW, stack.id()));
            }
        }
        return new DevicePlan(dtus, collectors);
    }

    private static List<String> mns(DevicePlan plan) {
        List<String> out = new ArrayList<>();
        plan.dtus().forEach(d -> out.add(d.mn()));
        plan.collectors().forEach(c -> out.add(c.mn()));
        return out;
    }

    private static void checkPlan(Enterprise e, DevicePlan plan) {
        Set<String> points = new HashSet<>();
        e.facilities().forEach(f -> points.add(f.id()));
        for (DevicePlan.DtuPlan d : plan.dtus()) {
            for (DevicePlan.Meter m : d.meters()) {
                if (!points.contains(m.pointId())) {
                    throw new IllegalArgumentException("the device plan of enterprise " + e.id() + " puts point "
                            + m.pointId() + " on DTU " + d.mn() + ", but the enterprise has no such point");
                }
            }
        }
        for (DevicePlan.CollectorPlan c : plan.collectors()) {
            boolean analyzer = e.stacks().stream().anyMatch(s -> s.id().equals(c.stackId()) && s.analyzer() != null);
            if (!analyzer) {
                throw new IllegalArgumentException("the device plan of enterprise " + e.id() + " has collector "
                        + c.mn() + " on stack " + c.stackId() + ", which the enterprise lacks or has no analyzer");
            }
        }
    }

    /** Steps every twin to the next simulated minute (the grid instant, not the moment the thread runs). */
    private void stepTwins() {
        twinTime = twinTime.plus(Duration.ofMinutes(1));
        for (int i = 0; i < twins.size(); i++) {
            Twin twin = twins.get(i);
            twin.advanceTo(twinTime);
            Map<String, PointSample> samples = latest.get(i);
            twin.samples().forEach(s -> samples.put(s.pointId(), s));
        }
        Duration untilNext = Duration.between(scheduler.now(), twinTime.plus(Duration.ofMinutes(1)));
        scheduler.schedule(untilNext.isNegative() ? Duration.ZERO : untilNext, this::stepTwins);
    }

    private static StackSample stackSample(Twin twin, String stackId) {
        return twin.stackSamples().stream()
                .filter(s -> s.stackId().equals(stackId))
                .findFirst()
                .orElse(null);
    }

    /** The enterprise's uplink-outage windows: its devices share the site's 4G coverage. */
    private static List<Window> outages(List<Fault> faults) {
        return faults.stream()
                .filter(x -> x instanceof UplinkOutage)
                .map(Fault::window)
                .toList();
    }

    /** Shortest and longest time a 4G modem takes to re-attach and reconnect once coverage is back. */
    static final Duration REATTACH_MIN = Duration.ofSeconds(5);

    static final Duration REATTACH_MAX = Duration.ofSeconds(60);

    /**
     * The 4G link model's connect latency: after an outage a device's link comes back only once its modem has
     * re-attached and reconnected, 5–60 s after the coverage (uniform, from the device's own random stream, so the
     * devices of a site do not all come back at the same instant).
     */
    static List<Window> reattached(List<Window> outages, java.util.Random random) {
        long span = REATTACH_MAX.minus(REATTACH_MIN).toMillis();
        return outages.stream()
                .map(w -> new Window(
                        w.start(), w.end().plus(REATTACH_MIN).plusMillis((long) (random.nextDouble() * span))))
                .toList();
    }

    private void scheduleAt(Instant at, Runnable action) {
        Duration delay = Duration.between(scheduler.now(), at);
        scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, action);
    }

    private Device connect(FieldDevice device, RecordStore store, EventLoopGroup group, List<Window> outages) {
        // the back-off before a reconnect is the device's own time: on a virtual clock it must not pass in wall time
        TcpUplink uplink = new TcpUplink(
                group,
                settings.target(),
                Duration.ofSeconds(5),
                scheduler::execute,
                (d, r) -> scheduler.schedule(d, r));
        GatedUplink gated = new GatedUplink(uplink, scheduler, outages);
        Sender sender = device.connect(PLATFORM, gated, settings.sender());
        for (Window w : outages) {
            scheduleAt(w.start(), sender::linkDown);
            scheduleAt(w.end(), sender::linkUp);
        }
        uplink.start(new TcpUplink.Listener() {
            @Override
            public void onFrame(Decoded decoded) {
                device.onFrame(PLATFORM, decoded);
            }

            @Override
            public void onUp() {
                sender.linkUp();
            }

            @Override
            public void onDown() {
                sender.linkDown();
            }
        });
        return new Device(device, sender, uplink, store);
    }

    private FieldDevice.Identity identity(String mn, String pw, St st, boolean mnDelivered) {
        return new FieldDevice.Identity(
                mn, "000000000000000000000000", mnDelivered, pw, st, Duration.ofSeconds(900), settings.zone());
    }

    private RecordStore store(String enterprise, String mn) {
        return RecordStore.open(
                settings.storeRoot().resolve(enterprise).resolve(mn),
                Duration.ofDays(30),
                Set.of(PLATFORM),
                settings.syncStores());
    }

    /** Device {@code n}'s MN: 24 upper-case hex digits, {@code 0100…} then the number. */
    static String mn(int n) {
        return "0100%020X".formatted(n);
    }

    /**
     * One emulated device, for registering the fleet on a platform.
     *
     * @param enterpriseId its enterprise
     * @param mn the MN it sends
     * @param pw its password
     */
    public record DeviceInfo(String enterpriseId, String mn, String pw) {}

    /** Every device of the fleet: what a platform's registry must hold to accept them. */
    public List<DeviceInfo> devices() {
        CompletableFuture<List<DeviceInfo>> out = new CompletableFuture<>();
        scheduler.execute(() -> out.complete(devices.stream()
                .map(d -> new DeviceInfo(
                        enterpriseOf.get(d.device()),
                        d.device().mn(),
                        d.device().identity().pw()))
                .toList()));
        return out.join();
    }

    /**
     * Whether some device whose MN {@code answered} accepts waits for a platform's answer (read on the fleet's thread:
     * virtual time does not move on while an answer may still come). A run that knows the platform's registry leaves
     * out the MNs it does not hold: a platform quarantines their frames and never answers, so holding time for them
     * only spends the wall-time patience on every send.
     */
    public boolean awaitingAnswers(Predicate<String> answered) {
        for (Device d : devices) {
            // a reconnect's TCP handshake takes wall time too: the device waits for it as for an answer
            if ((d.sender().inFlightSeq() != Long.MAX_VALUE || d.uplink().connecting())
                    && answered.test(d.device().mn())) {
                return true;
            }
        }
        return false;
    }

    /** Where the fleet stands now (read on the fleet's thread). */
    public Summary summary() {
        CompletableFuture<Summary> s = new CompletableFuture<>();
        scheduler.execute(() -> s.complete(summarize()));
        return s.join();
    }

    /**
     * The records still to send by the devices whose MN {@code answered} accepts (read on the fleet's thread), as
     * {@link Summary#unsent()} counts them: what the end of a run may still wait for.
     */
    public long unsent(Predicate<String> answered) {
        CompletableFuture<Long> out = new CompletableFuture<>();
        scheduler.execute(() -> out.complete(devices.stream()
                .filter(d -> answered.test(d.device().mn()))
                .mapToLong(Fleet::unsent)
                .sum()));
        return out.join();
    }

    /** A device's records still to send; those withheld (resend off) are never coming. */
    private static long unsent(Device d) {
        return d.store().unsentCount(PLATFORM) - d.sender().withheld();
    }

    private Summary summarize() {
        long built = 0;
        long sent = 0;
        long acked = 0;
        long retries = 0;
        long unsent = 0;
        long dropped = 0;
        int connected = 0;
        for (Device d : devices) {
            built += d.device().recordsBuilt();
            Sender.Stats st = d.sender().stats();
            sent += st.sent();
            acked += st.acked();
            retries += st.retries();
            unsent += unsent(d);
            dropped += d.device().dropped().stream()
                    .mapToLong(RecordStore.Dropped::count)
                    .sum();
            connected += d.uplink().isUp() ? 1 : 0;
        }
        return new Summary(
                twins.size(), devices.size(), connected, scheduler.now(), built, sent, acked, retries, unsent, dropped);
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            for (Device d : devices) {
                d.sender().stop();
                d.uplink().close();
                d.store().close();
            }
            done.complete(null);
        });
        done.join();
    }
}
