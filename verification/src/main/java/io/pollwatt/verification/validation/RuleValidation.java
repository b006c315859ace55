package io.pollwatt.verification.validation;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.verification.testbed.VirtualRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One rule validation: generate the population and its faults, run twins, emulated devices and the in-process
 * platform once on the virtual clock ({@link VirtualRun}, on an embedded PostgreSQL in the work folder), then sweep
 * the table over the stored data ({@link ThresholdSweeper} with {@link StoredRunRules}).
 */
public final class RuleValidation {

    /**
     * The platform judges once a simulated day while the data arrive: the sweep re-runs the rules over the whole run
     * afterwards, so streaming judgements would only cost time.
     */
    static final Duration JUDGEMENT = Duration.ofDays(1);

    private RuleValidation() {}

    /**
     * What to validate.
     *
     * @param enterprises how many generated enterprises
     * @param points metering points per enterprise
     * @param days simulated days (> 0)
     * @param seed the run seed
     * @param start the first simulated instant, local time in {@code zone}
     * @param zone the enterprises' zone
     * @param faultRate faults per enterprise and day, on average
     * @param rules the run's rule overrides ({@code --rules}), the base every swept value is set on
     * @param table what to sweep
     */
    public record Settings(
            int enterprises,
            int points,
            double days,
            long seed,
            LocalDateTime start,
            ZoneId zone,
            double faultRate,
            Map<String, String> rules,
            SweepTable table) {

        public Settings {
            if (!(days > 0) || Double.isInfinite(days)) {
                throw new IllegalArgumentException("days must be positive, got " + days);
            }
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            rules = Collections.unmodifiableMap(new TreeMap<>(rules));
            Objects.requireNonNull(table, "table");
        }

        Instant from() {
            return start.atZone(zone).toInstant();
        }

        Instant to() {
            return from().plusSeconds(Math.round(days * 86_400));
        }
    }

    /**
     * What a validation measured.
     *
     * @param population the generated enterprises and their faults
     * @param run what the data run left (the fleet's counters, the ingest's)
     * @param sweeps one per row of the table
     */
    public record Outcome(GeneratedPopulation population, VirtualRun.Result run, List<RuleSweep> sweeps) {
        public Outcome {
            sweeps = List.copyOf(sweeps);
        }
    }

    /**
     * Runs the validation on an embedded PostgreSQL of its own, keeping it and the devices' stores in {@code work}
     * (the caller removes the folder).
     *
     * @param progress told, in words, what is happening
     */
    public static Outcome run(Settings s, Path work, Consumer<String> progress) throws Exception {
        RuleConfig.of(s.rules()); // a bad --rules fails before the database starts
        try (Database db = Database.embedded(work.resolve("platform-pg"))) {
            return run(s, db, work.resolve("stores"), progress);
        }
    }

    /**
     * Runs the validation on {@code db} (the caller's, empty; it stays open, holding the run's data), the devices
     * keeping their stores in {@code stores}.
     */
    public static Outcome run(Settings s, Database db, Path stores, Consumer<String> progress) throws Exception {
        RuleConfig config = RuleConfig.of(s.rules());
        Seeds seeds = new Seeds(s.seed());
        GeneratedPopulation population = GeneratedPopulation.generate(
                seeds,
                s.enterprises(),
                s.points(),
                s.from(),
                Duration.between(s.from(), s.to()),
                s.faultRate(),
                s.zone());
        progress.accept("seed %d: %d enterprises, %d faults staged %s"
                .formatted(s.seed(), s.enterprises(), population.stagedFaults().size(), population.faultKinds()));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            VirtualRun.Result result = VirtualRun.run(
                    db,
                    new VirtualRun.Setup(
                            population.enterprises(),
                            population.faults(),
                            population.plans(),
                            population.archives(),
                            s.zone(),
                            s.from(),
                            s.to(),
                            s.seed(),
                            stores,
                            JUDGEMENT,
                            config,
                            null),
                    group,
                    f -> progress.accept("run: %s, records %d, acked %d, unsent %d"
                            .formatted(
                                    LocalDateTime.ofInstant(f.simulatedNow(), s.zone()),
                                    f.recordsBuilt(),
                                    f.framesAcked(),
                                    f.unsent())));
            ThresholdSweeper sweeper = new ThresholdSweeper(
                    population.stagedFaults(),
                    new StoredRunRules(db.dataSource(), population.archives(), s.from(), s.to()),
                    s.rules());
            List<RuleSweep> sweeps = sweeper.sweep(s.table(), progress);
            return new Outcome(population, result, sweeps);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
