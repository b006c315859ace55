package io.pollwatt.benchmarks;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.Aggregator;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.aggregate.PointInput;
import io.pollwatt.platform.aggregate.Reading;
import io.pollwatt.platform.aggregate.Register;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Grid;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.Thresholds;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32;

/**
 * The rules' benchmark (issue: "rules for 10,000 enterprises × 1 day evaluated in &lt; 60 s on 2 cores"). Builds in
 * memory, no database, a population of generated enterprises, each with an archive (1 MAIN, 4–6 PROD, 2–3 TREAT in 1–2
 * groups with associations, 1 INDIRECT, a stack with its analyzer, a DTU and a collector), one judged day plus the
 * day of warm-up the rule service loads before it ({@code RuleService.WARM_UP}) as 15-minute samples of every
 * electrical quantity, thresholds resolved from entered limits ({@link Thresholds#resolve}) and each point's
 * aggregation ({@link Aggregator} over EP_IMPORT register readings and 2051 interval totals consistent with P), and
 * evaluates the whole catalogue ({@link Catalogue#engine()}) on each enterprise, as {@code RuleService.run} does.
 *
 * <p>Enterprises are generated and evaluated in batches, so the heap holds one batch at a time. Building a batch
 * (generation, thresholds, aggregation) is timed apart and not counted; each batch is then evaluated once per
 * thread count asked for (default: on a fixed pool of 2 threads, then on 1), enterprises being independent, and
 * only those evaluations are the rules' time. Both evaluations must give the same findings. A small population is
 * evaluated first to warm the JIT (not counted). The 1-thread pass times each rule (the lazily computed states and
 * group states count for the first rule that reads them).
 *
 * <p>Per 100 enterprises 3 get a treatment point off mid-run on the judged day, 2 a frozen meter (instantaneous
 * values repeated for 3–6 h) and 2 a reversed phase-B CT on a production point; the rest are healthy.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.pollwatt.benchmarks.RulesBenchmark [enterprises] [batch] [threads]
 * </pre>
 *
 * defaults: 10000 250 2,1
 */
public final class RulesBenchmark {

    /** The warm-up day; the judged day is the one after it. */
    static final LocalDateTime FROM = LocalDateTime.parse("2026-03-01T00:00");

    static final LocalDateTime JUDGED = FROM.plusDays(1);
    static final LocalDateTime TO = JUDGED.plusDays(1);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Grid GRID = Grid.between(FROM, TO, Duration.ofMinutes(15));
    static final int PER_DAY = 96;
    static final long SEED = 2026;

    /** The injected faults. */
    enum Fault {
        NONE,
        TREATMENT_OFF,
        FROZEN_METER,
        NEGATIVE_PHASE
    }

    private static final RuleConfig CONFIG = RuleConfig.defaults();
    private static final Aggregator AGGREGATOR = new Aggregator(AggregationSettings.defaults());
    private static final int[] CT = {50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000, 2500, 3000, 4000
    };

    private RulesBenchmark() {}

    /** One built enterprise with what was injected into it. */
    record Built(EnterpriseData data, Fault fault) {}

    /** What one evaluation of one enterprise gave. */
    record Result(String enterpriseId, Fault fault, List<Finding> findings, long cpuNanos) {
        /** Equal findings (the CPU time differs between runs). */
        boolean same(Result o) {
            return enterpriseId.equals(o.enterpriseId) && fault == o.fault && findings.equals(o.findings);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int[] threads = Arrays.stream((args.length > 2 ? args[2] : "2,1").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "rules: %d enterprises, batches of %d, threads %s, %d cores, max heap %d MiB, %s%n",
                enterprises,
                batch,
                Arrays.toString(threads),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"));
        System.out.println("catalogue: " + Catalogue.rules().size() + " rules: "
                + Catalogue.rules().stream().map(Rule::id).distinct().toList());
        List<Rule> rules = Catalogue.rules();
        run(rules, Math.min(200, enterprises), batch, threads, false); // JIT warm-up, not reported
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        run(rules, enterprises, batch, threads, true);
    }

    private static void run(List<Rule> rules, int enterprises, int batch, int[] threads, boolean report)
            throws Exception {
        Map<Integer, ExecutorService> pools = new LinkedHashMap<>();
        for (int t : threads) {
            pools.put(t, Executors.newFixedThreadPool(t));
        }
        ExecutorService builders = Executors.newFixedThreadPool(2);
        long buildNanos = 0;
        long[] evalNanos = new long[threads.length];
        long[] gcMillis = new long[threads.length];
        long[] cpuNanos = new long[threads.length];
        Map<String, LongAdder> perRule = new ConcurrentHashMap<>();
        RuleEngine plain = new RuleEngine(rules);
        RuleEngine timed =
                new RuleEngine(rules.stream().map(r -> timed(r, perRule)).toList());
        Map<String, Integer> byRule = new TreeMap<>();
        Map<Fault, int[]> byFault = new TreeMap<>(); // enterprises, with findings, expected rule found
        long findings = 0;
        CRC32 digest = new CRC32();
        long points = 0;
        for (int first = 0; first < enterprises; first += batch) {
            int n = Math.min(batch, enterprises - first);
            long t0 = System.nanoTime();
            List<Callable<Built>> builds = new ArrayList<>();
            for (int i = first; i < first + n; i++) {
                int index = i;
                builds.add(() -> build(index));
            }
            List<Built> built = all(builders, builds);
            buildNanos += System.nanoTime() - t0;
            for (Built b : built) {
                points += b.data().points().size();
            }
            List<Result> reference = null;
            for (int k = 0; k < threads.length; k++) {
                RuleEngine engine = threads[k] == 1 ? timed : plain;
                List<Callable<Result>> evals = new ArrayList<>();
                for (Built b : built) {
                    evals.add(() -> evaluate(engine, b));
                }
                long gc0 = gcMillis();
                long t1 = System.nanoTime();
                List<Result> results = all(pools.get(threads[k]), evals);
                evalNanos[k] += System.nanoTime() - t1;
                gcMillis[k] += gcMillis() - gc0;
                for (Result r : results) {
                    cpuNanos[k] += r.cpuNanos();
                }
                if (reference == null) {
                    reference = results;
                } else if (!same(reference, results)) {
                    throw new IllegalStateException("the " + threads[k] + "-thread evaluation found otherwise");
                }
            }
            for (Result r : reference) {
                findings += r.findings().size();
                r.findings().forEach(f -> digest.update(f.toString().getBytes(StandardCharsets.UTF_8)));
                r.findings().forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
                int[] c = byFault.computeIfAbsent(r.fault(), f -> new int[3]);
                c[0]++;
                c[1] += r.findings().isEmpty() ? 0 : 1;
                String expected = switch (r.fault()) {
                    case TREATMENT_OFF -> "ALM-01";
                    case FROZEN_METER -> "DQ-12";
                    case NEGATIVE_PHASE -> "DQ-08";
                    case NONE -> null;
                };
                c[2] += expected != null
                                && r.findings().stream()
                                        .anyMatch(f -> f.ruleId().equals(expected))
                        ? 1
                        : 0;
            }
        }
        pools.values().forEach(ExecutorService::shutdown);
        builders.shutdown();
        if (!report) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "population: %d enterprises, %d points (%.1f per enterprise), %d samples each (1 day + 1 warm-up day)%n",
                enterprises,
                points,
                (double) points / enterprises,
                GRID.size());
        System.out.printf(
                Locale.ROOT,
                "build (generation, thresholds, aggregation; 2 threads, not counted): %.2f s%n",
                buildNanos / 1e9);
        for (int k = 0; k < threads.length; k++) {
            double s = evalNanos[k] / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "rules on %d thread(s): %.2f s for %d enterprises = %,.0f enterprises/s (%.3f ms each);"
                            + " CPU of the evaluating threads %.2f s (%.3f ms each); GC %.2f s in it%n",
                    threads[k],
                    s,
                    enterprises,
                    enterprises / s,
                    s * 1000 / enterprises,
                    cpuNanos[k] / 1e9,
                    cpuNanos[k] / 1e6 / enterprises,
                    gcMillis[k] / 1000.0);
        }
        System.out.printf(
                Locale.ROOT,
                "findings: %d (after dropping episodes wholly inside the warm-up day), CRC-32 of all %08x%n"
                        + "  by rule: %s%n",
                findings,
                digest.getValue(),
                byRule);
        byFault.forEach((f, c) -> System.out.printf(
                Locale.ROOT,
                "  %-15s %5d enterprises, %5d with findings, %5d with the expected rule%n",
                f,
                c[0],
                c[1],
                c[2]));
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of the heap pools' peaks): %d MiB%n", peak >> 20);
        if (!perRule.isEmpty()) {
            System.out.println("time per rule on 1 thread (states count for the first rule reading them):");
            perRule.entrySet().stream()
                    .sorted((a, b) ->
                            Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .forEach(e -> System.out.printf(
                            Locale.ROOT,
                            "  %-22s %8.2f s%n",
                            e.getKey(),
                            e.getValue().sum() / 1e9));
        }
    }

    private static boolean same(List<Result> a, List<Result> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).same(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        List<T> out = new ArrayList<>(tasks.size());
        for (Future<T> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** As {@code RuleService.run}: the catalogue, then episodes wholly inside the warm-up day dropped. */
    static Result evaluate(RuleEngine engine, Built b) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        RuleConfig.Values values = CONFIG.forEnterprise(b.data().enterpriseId());
        List<Finding> all = new ArrayList<>(engine.evaluate(b.data(), values));
        all.removeIf(
                f -> f.end() != null && !f.end().isAfter(JUDGED) && f.start().isBefore(JUDGED));
        return new Result(b.data().enterpriseId(), b.fault(), all, THREADS.getCurrentThreadCpuTime() - cpu);
    }

    /** A rule that adds the time it takes to {@code sink} under its class name. */
    private static Rule timed(Rule r, Map<String, LongAdder> sink) {
        LongAdder total = sink.computeIfAbsent(r.id() + " " + r.getClass().getSimpleName(), k -> new LongAdder());
        return new Rule() {
            @Override
            public String id() {
                return r.id();
            }

            @Override
            public int version() {
                return r.version();
            }

            @Override
            public Stage stage() {
                return r.stage();
            }

            @Override
            public void evaluate(Evaluation e, Findings out) {
                long t = System.nanoTime();
                r.evaluate(e, out);
                total.add(System.nanoTime() - t);
            }
        };
    }

    // ---------------------------------------------------------------- the population

    /** One generated point: its archive entry, its true power over the grid and its (possibly faulty) meter view. */
    private static final class Gen {
        final SiteArchive.Point point;
        final double pRef;
        final double pf;
        final double[] p = new double[GRID.size()];
        /** Phase shares of P (sum 1). */
        final double[] share = new double[3];

        Gen(SiteArchive.Point point, double pRef, double pf, Random r) {
            this.point = point;
            this.pRef = pRef;
            this.pf = pf;
            double a = 0.02 * (r.nextDouble() - 0.5);
            double b = 0.02 * (r.nextDouble() - 0.5);
            share[0] = 1.0 / 3 + a;
            share[1] = 1.0 / 3 + b;
            share[2] = 1.0 - share[0] - share[1];
        }
    }

    /** Enterprise {@code index} of the population, the same for any batch size and thread count. */
    static Built build(int index) {
        Random r = new Random(SEED * 1_000_003L + index);
        String id = "E%05d".formatted(index);
        int slot = index % 100;
        Fault fault = slot == 7 || slot == 41 || slot == 73
                ? Fault.TREATMENT_OFF
                : slot == 19 || slot == 58
                        ? Fault.FROZEN_METER
                        : slot == 29 || slot == 91 ? Fault.NEGATIVE_PHASE : Fault.NONE;
        RuleConfig.Values config = CONFIG.forEnterprise(id);

        // shifts: production runs about 12 h from 06:00–08:45 each day; treatment 15 min before and after
        int[] start = new int[2];
        int[] end = new int[2];
        for (int d = 0; d < 2; d++) {
            start[d] = d * PER_DAY + 4 * (6 + r.nextInt(3)) + r.nextInt(4);
            end[d] = start[d] + 46 + r.nextInt(5);
        }

        List<Gen> prods = new ArrayList<>();
        int nProd = 4 + r.nextInt(3);
        for (int j = 1; j <= nProd; j++) {
            double pRef = round1(15 + r.nextDouble() * 145);
            Gen g = new Gen(point(id, "P" + j, PointKind.PROD, pRef, 0.2, r), pRef, 0.82 + 0.1 * r.nextDouble(), r);
            boolean lunch = r.nextInt(5) == 0;
            for (int d = 0; d < 2; d++) {
                int s = start[d] + r.nextInt(2);
                int e = end[d] - r.nextInt(2);
                int lunchAt = s + 20 + r.nextInt(4);
                for (int i = s; i < e; i++) {
                    if (lunch && i >= lunchAt && i < lunchAt + 3) {
                        continue;
                    }
                    double phase = 2 * Math.PI * (i - s) / (10 + j);
                    g.p[i] = pRef * (0.8 + 0.08 * Math.sin(phase) + 0.04 * (r.nextDouble() - 0.5));
                }
            }
            prods.add(g);
        }

        int nTreat = 2 + r.nextInt(2);
        List<Gen> treats = new ArrayList<>();
        for (int j = 1; j <= nTreat; j++) {
            double pRef = round1(8 + r.nextDouble() * 60);
            treats.add(new Gen(point(id, "T" + j, PointKind.TREAT, pRef, 0.1, r), pRef, 0.8 + 0.1 * r.nextDouble(), r));
        }
        // groups: T1+T2 duty/standby (1 of 2 required) or T1, T2 alone; a third is a group of its own
        List<SiteArchive.Group> groups = new ArrayList<>();
        List<List<Gen>> members = new ArrayList<>();
        if (nTreat == 3 || r.nextBoolean()) {
            groups.add(new SiteArchive.Group("G1", List.of("T1", "T2"), 1));
            members.add(List.of(treats.get(0), treats.get(1)));
            if (nTreat == 3) {
                groups.add(new SiteArchive.Group("G2", List.of("T3"), 1));
                members.add(List.of(treats.get(2)));
            }
        } else {
            groups.add(new SiteArchive.Group("G1", List.of("T1"), 1));
            groups.add(new SiteArchive.Group("G2", List.of("T2"), 1));
            members.add(List.of(treats.get(0)));
            members.add(List.of(treats.get(1)));
        }
        List<SiteArchive.Association> associations = new ArrayList<>();
        for (int j = 0; j < nProd; j++) {
            associations.add(new SiteArchive.Association(
                    prods.get(j).point.id(), groups.get(j % groups.size()).id()));
        }
        for (List<Gen> m : members) {
            for (int d = 0; d < 2; d++) {
                Gen duty = m.get(d % m.size()); // duty and standby swap daily
                for (int i = start[d] - 1; i < end[d] + 1; i++) {
                    duty.p[i] = duty.pRef * (0.88 + 0.05 * (r.nextDouble() - 0.5));
                }
            }
        }
        double[] velocity = new double[GRID.size()];
        for (int d = 0; d < 2; d++) {
            for (int i = start[d]; i < end[d]; i++) {
                velocity[i] = 8 + r.nextDouble();
            }
        }
        if (fault == Fault.TREATMENT_OFF) { // the running member of G1 stops for 2–4 h mid-shift of the judged day
            Gen g = members.get(0).get(1 % members.get(0).size());
            int s = start[1] + 12 + r.nextInt(8);
            for (int i = s; i < s + 8 + r.nextInt(9); i++) {
                g.p[i] = 0;
                velocity[i] = 0.2;
            }
        }

        double indirectRef = round1(3 + r.nextDouble() * 12);
        Gen indirect = new Gen(point(id, "L1", PointKind.INDIRECT, indirectRef, 0.1, r), indirectRef, 0.9, r);
        for (int i = 0; i < GRID.size(); i++) {
            boolean day = (i >= start[0] && i < end[0]) || (i >= start[1] && i < end[1]);
            indirect.p[i] = indirectRef * ((day ? 0.8 : 0.4) + 0.1 * r.nextDouble());
        }

        List<Gen> subs = new ArrayList<>(prods);
        subs.addAll(treats);
        subs.add(indirect);
        double mainRef = 0;
        for (Gen g : subs) {
            mainRef += g.pRef;
        }
        mainRef = round1(mainRef * 1.05);
        Gen main = new Gen(point(id, "M1", PointKind.MAIN, mainRef, 0.05, r), mainRef, 0.9, r);
        double losses = 1.02 + 0.03 * r.nextDouble();
        for (int i = 0; i < GRID.size(); i++) {
            double sum = 0;
            for (Gen g : subs) {
                sum += g.p[i];
            }
            main.p[i] = sum * losses + 0.5;
        }

        List<Gen> all = new ArrayList<>();
        all.add(main);
        all.addAll(prods);
        all.addAll(treats);
        all.add(indirect);
        Gen frozen = fault == Fault.FROZEN_METER ? prods.get(r.nextInt(nProd)) : null;
        int frozenFrom = start[1] + 10 + r.nextInt(10);
        int frozenTo = frozenFrom + 12 + r.nextInt(13);
        Gen reversed = fault == Fault.NEGATIVE_PHASE ? prods.get(r.nextInt(nProd)) : null;

        Map<String, PointData> data = new LinkedHashMap<>();
        List<SiteArchive.Meter> meters = new ArrayList<>();
        Map<String, LocalDateTime> latest = new LinkedHashMap<>();
        for (Gen g : all) {
            Series s = new Series(g.point.id(), GRID);
            List<Reading> register = new ArrayList<>(GRID.size());
            List<Reading> intervals = new ArrayList<>(GRID.size());
            List<Reading> power = new ArrayList<>(GRID.size());
            double energy = 1000 + r.nextDouble() * 400_000;
            BigDecimal previous = null;
            for (int i = 0; i < GRID.size(); i++) {
                if (g == frozen && i >= frozenFrom && i < frozenTo) {
                    copy(s, i - 1, i); // the DTU resends its cached reading
                } else {
                    reading(s, g, i, g == reversed, r);
                }
                BigDecimal e = BigDecimal.valueOf(energy).setScale(2, RoundingMode.HALF_UP);
                s.set(i, "EP_IMPORT", e.doubleValue());
                register.add(new Reading(GRID.time(i), e));
                if (previous != null) {
                    intervals.add(new Reading(GRID.time(i - 1), e.subtract(previous)));
                }
                previous = e;
                power.add(new Reading(GRID.time(i), BigDecimal.valueOf(round3(s.value("P", i)))));
                energy += Math.max(0, s.value("P", i)) * 0.25; // the import register counts what the meter measures
            }
            BigDecimal cap = new BigDecimal("1.2")
                    .multiply(new BigDecimal("1.7320508075688772"))
                    .multiply(BigDecimal.valueOf(g.point.voltageV()))
                    .multiply(g.point.ct().primary())
                    .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
            PointAggregate aggregate = AGGREGATOR.aggregate(
                    new PointInput(register, intervals, Map.of("P", power), Register.dlt645(cap)),
                    FROM.toLocalDate(),
                    LocalDate.from(TO.minusNanos(1)));
            SiteArchive.Limits l = g.point.limits();
            // where nothing was entered the loader derives P_ref from the point's history (ST-04): close to its rating
            OptionalDouble derived = l.pRefKw().isPresent()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(round1(g.pRef * (0.9 + 0.1 * r.nextDouble())));
            Thresholds t = Thresholds.resolve(
                    PointRole.of(g.point.kind().name()),
                    l.pOnKw(),
                    l.pRefKw(),
                    l.pHiKw(),
                    l.rLow(),
                    derived,
                    config.stateSettings());
            data.put(g.point.id(), new PointData(g.point, t, s, Optional.of(aggregate)));
            meters.add(new SiteArchive.Meter(meters.size() + 1, g.point.id()));
            latest.put(g.point.id(), GRID.time(GRID.size() - 1));
        }

        Series stack = new Series("S1", GRID);
        for (int i = 0; i < GRID.size(); i++) {
            boolean flow = velocity[i] > 1;
            stack.set(i, "VELOCITY", round3(velocity[i] + 0.05 * r.nextDouble()));
            stack.set(i, "TVOC", round3(flow ? 20 + 30 * r.nextDouble() : 1 + r.nextDouble()));
        }
        String dtu = "DTU" + id;
        String collector = "VOC" + id;
        SiteArchive archive = new SiteArchive(
                id,
                "enterprise " + index,
                "district " + index % 17,
                "coating",
                ZONE,
                all.stream().map(g -> g.point).toList(),
                groups,
                associations,
                List.of(),
                List.of(new SiteArchive.Stack(
                        "S1",
                        15 + r.nextInt(20),
                        prods.stream().map(g -> g.point.id()).toList(),
                        groups.stream().map(SiteArchive.Group::id).toList())),
                List.of(),
                List.of(new SiteArchive.Dtu(dtu, "123456", meters)),
                List.of(new SiteArchive.Collector(collector, "123456", "S1")));
        LocalDateTime last = GRID.time(GRID.size() - 1);
        List<DeviceFacts> devices = List.of(
                new DeviceFacts(dtu, FROM.minusDays(40), Optional.of(last), GRID.size(), 0, List.of(), latest),
                new DeviceFacts(collector, FROM.minusDays(40), Optional.of(last), GRID.size(), 0, List.of()));
        return new Built(
                new EnterpriseData(archive, GRID, data, Map.of("S1", stack), devices, TO.plusMinutes(1)), fault);
    }

    /** An archived 400 V point; 85 % of points have P_on and P_ref entered, the rest nothing (derived). */
    private static SiteArchive.Point point(
            String enterprise, String id, PointKind kind, double pRef, double onRatio, Random r) {
        boolean entered = r.nextInt(100) < 85;
        SiteArchive.Limits limits = entered
                ? new SiteArchive.Limits(
                        OptionalDouble.of(round1(Math.max(0.2, onRatio * pRef))),
                        OptionalDouble.of(pRef),
                        OptionalDouble.empty(),
                        OptionalDouble.empty())
                : SiteArchive.Limits.NONE;
        // the smallest standard CT whose rating carries the reference with room to spare
        double amps = pRef * 1.6 * 1000 / (Math.sqrt(3) * 400);
        int ct = CT[CT.length - 1];
        for (int c : CT) {
            if (c >= amps) {
                ct = c;
                break;
            }
        }
        return new SiteArchive.Point(
                id,
                kind + " " + id,
                kind,
                kind == PointKind.MAIN ? Optional.empty() : Optional.of("M1"),
                400,
                "3P4W",
                Optional.empty(),
                enterprise + "-" + id,
                new SiteArchive.Ratio(BigDecimal.valueOf(ct), BigDecimal.valueOf(5)),
                limits);
    }

    /**
     * A consistent 3P4W reading of {@code g}'s power at {@code i}: phase voltages about U_n, line voltages from them,
     * phase powers by the point's shares, currents from P_x / (U_x · PF), S = P / PF, f about 50 Hz. A reversed
     * phase-B CT negates PB (and so P and PF read low); |I| and S are as true.
     */
    private static void reading(Series s, Gen g, int i, boolean reversedB, Random r) {
        double un = g.point.voltageV() / Math.sqrt(3);
        double[] u = new double[3];
        for (int k = 0; k < 3; k++) {
            u[k] = round2(un * (1 + 0.01 * (r.nextDouble() - 0.5)));
        }
        double p = g.p[i];
        double pf = p == 0 ? 0 : Math.min(0.99, g.pf + 0.01 * (r.nextDouble() - 0.5));
        double[] px = new double[3];
        double[] ix = new double[3];
        double sKva = 0;
        for (int k = 0; k < 3; k++) {
            px[k] = p * g.share[k];
            ix[k] = p == 0 ? 0 : px[k] * 1000 / (u[k] * pf);
            sKva += p == 0 ? 0 : px[k] / pf;
        }
        if (reversedB) {
            px[1] = -px[1];
        }
        double total = px[0] + px[1] + px[2];
        s.set(i, "P", round3(total)).set(i, "PA", round3(px[0])).set(i, "PB", round3(px[1]));
        s.set(i, "PC", round3(px[2]));
        s.set(i, "IA", round3(ix[0])).set(i, "IB", round3(ix[1])).set(i, "IC", round3(ix[2]));
        s.set(i, "UA", u[0]).set(i, "UB", u[1]).set(i, "UC", u[2]);
        s.set(i, "UAB", round2(line(u[0], u[1]))).set(i, "UBC", round2(line(u[1], u[2])));
        s.set(i, "UCA", round2(line(u[2], u[0])));
        s.set(i, "S", round3(sKva)).set(i, "PF", sKva == 0 ? 0 : round3(Math.abs(total) / sKva));
        s.set(i, "F", round2(50 + 0.1 * (r.nextDouble() - 0.5)));
    }

    private static final String[] QUANTITIES = {
        "P", "PA", "PB", "PC", "IA", "IB", "IC", "UA", "UB", "UC", "UAB", "UBC", "UCA", "S", "PF", "F"
    };

    private static void copy(Series s, int from, int to) {
        for (String q : QUANTITIES) {
            s.set(to, q, s.value(q, from));
        }
    }

    /** The line voltage between two phases 120° apart. */
    private static double line(double a, double b) {
        return Math.sqrt(a * a + b * b + a * b);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
