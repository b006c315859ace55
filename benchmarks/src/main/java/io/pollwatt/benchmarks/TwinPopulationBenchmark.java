package io.pollwatt.benchmarks;

import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.Twin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The twin's population benchmark (twin-model issue): {@code enterprises} generated enterprises of {@code points}
 * meters each, simulated for {@code days} at the twin's one-minute physics resolution, on one thread. Reports
 * meter-samples per second (meter × minute) and the heap retained per simulated meter. A benchmark main, not JMH:
 * one run is tens of millions of samples, long enough to time directly after a warm-up run.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.pollwatt.benchmarks.TwinPopulationBenchmark [enterprises] [points] [days]
 * </pre>
 */
public final class TwinPopulationBenchmark {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    private TwinPopulationBenchmark() {}

    /** Runs the benchmark and prints one result line per phase. */
    public static void main(String[] args) {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        run(Math.max(1, enterprises / 10), points, 1, false); // warm-up
        run(enterprises, points, days, true);
    }

    private static void run(int enterprises, int points, int days, boolean report) {
        Seeds seeds = new Seeds(2026);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        List<Twin> twins = new ArrayList<>(enterprises);
        for (int i = 0; i < enterprises; i++) {
            String id = "E%05d".formatted(i);
            twins.add(new Twin(
                    PopulationGenerator.enterprise(id, points, seeds.streamFor("population/" + id)),
                    List.of(),
                    seeds,
                    ZoneId.of("Asia/Shanghai"),
                    START));
        }
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;
        long t0 = System.nanoTime();
        Instant end = START.plus(Duration.ofDays(days));
        for (Twin twin : twins) {
            twin.advanceTo(end);
        }
        long nanos = System.nanoTime() - t0;
        long samples = (long) enterprises * points * days * 24 * 60;
        if (report) {
            System.out.printf(
                    Locale.ROOT,
                    "twin: %d enterprises x %d meters x %d day(s) at 1 min = %,d meter-samples in %.2f s: %,.0f samples/s"
                            + " (1 thread); heap retained %,d bytes = %.0f B per meter%n",
                    enterprises,
                    points,
                    days,
                    samples,
                    nanos / 1e9,
                    samples / (nanos / 1e9),
                    retained,
                    (double) retained / ((long) enterprises * points));
        }
    }
}
