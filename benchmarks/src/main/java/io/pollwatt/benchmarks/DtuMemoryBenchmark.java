package io.pollwatt.benchmarks;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Scheduler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.device.Uplink;
import io.pollwatt.emulator.dtu.Dtu;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.time.SimClock;
import io.pollwatt.twin.time.SimScheduler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Heap held per emulated DTU, excluding its store (device-emulators issue: ≤ 20 KiB): {@code devices} whole DTUs,
 * each with {@code meters} meters behind their own LoRa links, demand registers, a sender to one platform and its
 * scheduled polls, started on one virtual scheduler. The stores are one shared store, so that they do not count;
 * the TCP connection is measured by {@link FleetSendBenchmark} (about 2.5 KB).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.pollwatt.benchmarks.DtuMemoryBenchmark [devices] [meters]
 * </pre>
 */
public final class DtuMemoryBenchmark {

    private DtuMemoryBenchmark() {}

    /** Runs it. */
    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int meters = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Instant start = Instant.parse("2026-02-28T16:00:00Z");
        SimClock clock = new SimClock(start);
        SimScheduler sim = new SimScheduler(clock);
        Scheduler scheduler = new Scheduler() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable action) {
                sim.schedule(delay, action);
                return () -> {};
            }
        };
        Path dir = Files.createTempDirectory("pollwatt-dtu-memory");
        RecordStore shared = RecordStore.open(dir, Duration.ofDays(30), Set.of("p"));
        Uplink silent = new Uplink() {
            @Override
            public boolean isUp() {
                return false;
            }

            @Override
            public boolean send(byte[] frame) {
                return false;
            }
        };
        Seeds seeds = new Seeds(1);
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        List<Dtu> all = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            List<Dtu.MeterBinding> bindings = new ArrayList<>(meters);
            for (int m = 1; m <= meters; m++) {
                LoraLink.Config link = new LoraLink.Config(9, 0.01, 1.0, 0, Duration.ZERO, Duration.ofMillis(20));
                bindings.add(
                        new Dtu.MeterBinding(m, "P" + m, new LoraLink(link, seeds.streamFor("lora/" + d + "/" + m))));
            }
            Dtu dtu = new Dtu(
                    new FieldDevice.Identity(
                            String.format("0100%020X", d),
                            "000000000000000000000000",
                            true,
                            "123456",
                            St.FLUE_GAS_PROCESS,
                            Duration.ofSeconds(900),
                            ZoneId.of("Asia/Shanghai")),
                    FactorCodeTable.pollwattDefault(),
                    bindings,
                    id -> null,
                    shared,
                    scheduler);
            dtu.connect("p", silent, Sender.Settings.defaults());
            dtu.start();
            all.add(dtu);
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
                Locale.ROOT,
                "dtu memory: %d DTUs of %d meters: %,d bytes of heap each (store excluded)%n",
                all.size(),
                meters,
                (after - before) / all.size());
    }
}
