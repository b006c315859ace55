package io.pollwatt.certification.device;

import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.certification.report.CertificationReport;
import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.collector.Rs485Link;
import io.pollwatt.emulator.collector.VocCollector;
import io.pollwatt.emulator.device.DtuDefect;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.device.Uplink;
import io.pollwatt.emulator.dtu.Dtu;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.net.TcpUplink;
import io.pollwatt.emulator.net.VirtualScheduler;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.StackSample;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The certification self-test's subject: the project's emulated DTU (one meter on a twin's main incomer, or {@link
 * #SPLITTING_METERS} meters so that its records are split into packets), optionally with one deliberate {@link
 * DtuDefect}, connected over loopback to a {@link DeviceCertifier} and living on the emulator's {@link
 * VirtualScheduler}, so the certifier's phases of device minutes and hours take milliseconds. Time stands still while
 * the DTU awaits an answer (at most {@link #PATIENCE} of wall time each), as in {@code testbed fleet --speed max}.
 */
final class EmulatedDtuRig {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 22:59 local: the first poll is 23:00, so hour 23 and the day before midnight close during the observation. */
    static final Instant T0 = Instant.parse("2026-02-28T14:59:00Z");

    static final String MN = "010000A8900016F000169DC0";
    static final String PW = "123456";
    static final Duration PATIENCE = Duration.ofMillis(300);

    /**
     * Meters of the DTU whose records are split (PKT-01, hj212-2017.md §12): a 2011 record carries 19 quantities of
     * about 30 characters per meter, so two meters already overflow the 950-character CP; a 2051/2061/2031 record
     * carries about 100 characters per meter, so it takes ten or more. Twelve split every record the DTU uploads, the
     * 2011 into about eight packets.
     */
    static final int SPLITTING_METERS = 12;

    /**
     * What the DTU declares: the profile's CNs and the device log (3020), which carries non-ASCII text; {@code
     * packetisation} when its records are split.
     */
    static Declaration declaration(boolean packetisation) {
        Declaration d = Declaration.defaults(Profile.DTU_ELECTRICITY, MN, PW);
        Set<Integer> cns = new java.util.TreeSet<>(d.supportedCns());
        cns.add(3020);
        return new Declaration(
                d.profile(),
                d.mn(),
                d.pw(),
                ZONE,
                cns,
                d.rtdInterval(),
                d.overTime(),
                d.reCount(),
                packetisation,
                d.cadenceTolerance(),
                d.hourAverage());
    }

    /** Observe to 00:31 (hour 23's 2061, the day's 2031), refuse for an hour, half an hour to resend. */
    static RunPlan plan() {
        return new RunPlan(
                Duration.ofMinutes(92),
                Duration.ofHours(1),
                Duration.ofMinutes(30),
                Duration.ofMillis(1500),
                Duration.ofSeconds(20));
    }

    /** Certifies the emulated one-meter DTU with {@code defect}, writing the capture to {@code capture}. */
    static CertificationReport certify(DtuDefect defect, Path store, Path capture, List<String> progress)
            throws Exception {
        return certify(false, 1, defect, store, capture, progress);
    }

    /**
     * Certifies the emulated DTU with {@code meters} meters and {@code defect}, writing the capture to {@code
     * capture}; with more than one meter its records are split and it declares packetisation.
     */
    static CertificationReport certify(DtuDefect defect, int meters, Path store, Path capture, List<String> progress)
            throws Exception {
        return certify(false, meters, defect, store, capture, progress);
    }

    /** The MN of the emulated VOC data collector. */
    static final String COLLECTOR_MN = "010000A8900016F0001C0001";

    /**
     * What the collector declares: the collector-voc profile's defaults and, as the DTU, its log (3020), the one frame
     * with non-ASCII text, on which a length counted in characters shows (FRM-02).
     */
    static Declaration collectorDeclaration() {
        Declaration d = Declaration.defaults(Profile.COLLECTOR_VOC, COLLECTOR_MN, PW);
        Set<Integer> cns = new java.util.TreeSet<>(d.supportedCns());
        cns.add(3020);
        return new Declaration(
                d.profile(),
                d.mn(),
                d.pw(),
                ZONE,
                cns,
                d.rtdInterval(),
                d.overTime(),
                d.reCount(),
                false,
                d.cadenceTolerance(),
                d.hourAverage());
    }

    /**
     * Certifies the emulated DTU with {@code defect}, or (with {@code collector}) the emulated VOC data collector of
     * the twin's stack, writing the capture to {@code capture}.
     */
    static CertificationReport certify(
            boolean collector, DtuDefect defect, Path store, Path capture, List<String> progress) throws Exception {
        return certify(collector, 1, defect, store, capture, progress);
    }

    private static CertificationReport certify(
            boolean collector, int meters, DtuDefect defect, Path store, Path capture, List<String> progress)
            throws Exception {
        if (meters < 1) {
            throw new IllegalArgumentException("a DTU needs at least one meter, got " + meters);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (VirtualScheduler scheduler = new VirtualScheduler(T0, PATIENCE, "dtu-" + defect)) {
            Seeds seeds = new Seeds(42);
            // four points for the one-meter DTU, as ever; one point per meter when there are more
            Enterprise e = PopulationGenerator.enterprise("E1", Math.max(4, meters), seeds.streamFor("population/E1"));
            Twin twin = new Twin(e, List.of(), seeds, ZONE, T0);
            Map<String, PointSample> latest = new HashMap<>();
            twin.samples().forEach(s -> latest.put(s.pointId(), s));
            Map<String, StackSample> stacks = new HashMap<>();
            twin.stackSamples().forEach(s -> stacks.put(s.stackId(), s));
            // the main incomer: with this seed it draws power all night, so a wrong mean power is a visible one
            List<String> points = meters == 1
                    ? List.of(e.facilities(FacilityKind.MAIN).get(0).id())
                    : e.facilities().stream().limit(meters).map(Facility::id).toList();
            stepEveryMinute(scheduler, twin, latest, stacks, T0);
            List<Dtu.MeterBinding> bindings = new ArrayList<>();
            for (String point : points) {
                LoraLink lossless = new LoraLink(
                        new LoraLink.Config(9, 0, 1.0, 0, Duration.ZERO, Duration.ofMillis(20)),
                        seeds.streamFor("lora/" + point));
                bindings.add(new Dtu.MeterBinding(bindings.size() + 1, point, lossless));
            }
            RecordStore records = RecordStore.open(store, Duration.ofDays(30), Set.of("cert"));
            FieldDevice dtu = collector
                    ? new VocCollector(
                            new FieldDevice.Identity(
                                    COLLECTOR_MN,
                                    "000000000000000000000000",
                                    true,
                                    PW,
                                    St.AIR_POLLUTION_SOURCE,
                                    Duration.ofSeconds(900),
                                    ZONE),
                            VocCollector.Codes.DEFAULT,
                            twin.stackSamples().get(0).stackId(),
                            stacks::get,
                            Rs485Link.clean(seeds.streamFor("rs485")),
                            1000,
                            records,
                            scheduler)
                    : new Dtu(
                            new FieldDevice.Identity(
                                    MN,
                                    "000000000000000000000000",
                                    true,
                                    PW,
                                    St.FLUE_GAS_PROCESS,
                                    Duration.ofSeconds(900),
                                    ZONE),
                            FactorCodeTable.pollwattDefault(),
                            bindings,
                            latest::get,
                            records,
                            scheduler);
            dtu.inject(defect);
            java.util.concurrent.atomic.AtomicReference<Sender> sending =
                    new java.util.concurrent.atomic.AtomicReference<>();
            // a 1013 is answered by a 9013 and the tester's 1012: hold time until it came, as for an upload's 9014,
            // or the 1012 would set the clock minutes late
            java.util.concurrent.atomic.AtomicBoolean calibrating = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean deviceUp = new java.util.concurrent.atomic.AtomicBoolean();
            try (DeviceCertifier certifier = new DeviceCertifier(
                    new InetSocketAddress("127.0.0.1", 0),
                    // two or more meters overflow one 2011 frame (SPLITTING_METERS)
                    collector ? collectorDeclaration() : declaration(meters > 1),
                    plan(),
                    scheduler.clock(),
                    new Timeline() {
                        @Override
                        public Instant now() {
                            return scheduler.now();
                        }

                        @Override
                        public void advanceTo(Instant t) throws InterruptedException {
                            Sender s = sending.get();
                            scheduler.runUntil(
                                    t, () -> calibrating.get() || (s != null && s.inFlightSeq() != Long.MAX_VALUE));
                        }

                        @Override
                        public void deviceConnected() {
                            // the device's side of the new connection is reported on its own event loop
                            await().atMost(Duration.ofSeconds(10))
                                    .pollInterval(Duration.ofMillis(5))
                                    .until(deviceUp::get);
                        }

                        @Override
                        public void deviceDisconnected() {
                            await().atMost(Duration.ofSeconds(10))
                                    .pollInterval(Duration.ofMillis(5))
                                    .until(() -> !deviceUp.get());
                        }
                    },
                    capture,
                    progress::add)) {
                TcpUplink uplink = new TcpUplink(group, certifier.address(), Duration.ofMillis(50), scheduler::execute);
                Uplink watched = new Uplink() {
                    @Override
                    public boolean isUp() {
                        return uplink.isUp();
                    }

                    @Override
                    public boolean send(byte[] frame) {
                        if (new String(frame, StandardCharsets.ISO_8859_1).contains(";CN=1013;")) {
                            calibrating.set(true);
                        }
                        return uplink.send(frame);
                    }
                };
                Sender sender = dtu.connect("cert", watched, Sender.Settings.defaults());
                sending.set(sender);
                scheduler.execute(() -> dtu.start(T0));
                if (!collector) {
                    // a time-calibration request (1013) at 23:37:30, between two polls
                    scheduler.schedule(Duration.ofSeconds(38 * 60 + 30), () -> dtu.requestTimeCalibration("cert"));
                }
                uplink.start(new TcpUplink.Listener() {
                    @Override
                    public void onFrame(Decoded decoded) {
                        dtu.onFrame("cert", decoded);
                        if (decoded instanceof Decoded.Ok ok
                                && ok.message().cn().value() == 1012) {
                            calibrating.set(false);
                        }
                    }

                    @Override
                    public void onUp() {
                        sender.linkUp();
                        deviceUp.set(true);
                    }

                    @Override
                    public void onDown() {
                        deviceUp.set(false);
                        sender.linkDown();
                    }
                });
                try {
                    return certifier.run();
                } finally {
                    uplink.close();
                }
            }
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
        }
    }

    private static void stepEveryMinute(
            VirtualScheduler scheduler,
            Twin twin,
            Map<String, PointSample> latest,
            Map<String, StackSample> stacks,
            Instant at) {
        Instant next = at.plus(Duration.ofMinutes(1));
        scheduler.schedule(Duration.between(scheduler.now(), next), () -> {
            twin.advanceTo(next);
            twin.samples().forEach(s -> latest.put(s.pointId(), s));
            twin.stackSamples().forEach(s -> stacks.put(s.stackId(), s));
            stepEveryMinute(scheduler, twin, latest, stacks, next);
        });
    }

    /** The cases a DTU with {@code defect} must fail, and only those. */
    static Set<String> expectedFailures(DtuDefect defect) {
        switch (defect) {
            case NONE:
                return Set.of();
            case WRONG_CRC_VARIANT:
                return Set.of("FRM-03");
            case LOWERCASE_CRC:
                return Set.of("FRM-04");
            case LENGTH_IN_CHARACTERS:
                return Set.of("FRM-02");
            case NO_ACK_WAIT:
                return Set.of("SND-01", "RTY-01");
            case RESEND_DUPLICATES:
                return Set.of("RSD-02");
            case WRONG_HOUR_AVERAGE:
                return Set.of("AGG-01");
            case IGNORES_RETRIEVAL:
                return Set.of("HIS-2051", "HIS-2061", "HIS-2031");
            case DROPS_LAST_PACKET: // on the splitting DTU; one meter never splits, so nothing would show
                return Set.of("PKT-01");
            default:
                throw new IllegalArgumentException("no expectation for " + defect);
        }
    }

    private EmulatedDtuRig() {}
}
