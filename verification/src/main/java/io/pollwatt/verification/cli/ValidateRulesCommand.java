package io.pollwatt.verification.cli;

import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleConfigException;
import io.pollwatt.verification.validation.RuleSweep;
import io.pollwatt.verification.validation.RuleValidation;
import io.pollwatt.verification.validation.RunInfo;
import io.pollwatt.verification.validation.SweepReport;
import io.pollwatt.verification.validation.SweepTable;
import io.pollwatt.verification.validation.SweepTableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed validate-rules}: rule validation for a standards committee (docs/validate-rules.md). A generated
 * population with random faults runs once; then each rule's main threshold is swept over the stored data and scored
 * against the staged faults. Writes sweeps.json, sweeps.csv and index.html with the precision/recall curves; prints
 * one line per swept rule and where the output is. Progress goes to standard error.
 */
@Command(
        name = "validate-rules",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Sweep each rule's main threshold over a generated population with random faults;"
                    + " precision and recall per threshold value.",
            "Exit 0 when it ran, 2 for bad input."
        })
final class ValidateRulesCommand implements Callable<Integer> {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Spec
    private CommandSpec spec;

    @Option(names = "--population", paramLabel = "N", defaultValue = "10", description = "generated enterprises")
    private int population;

    @Option(names = "--days", paramLabel = "D", defaultValue = "2", description = "simulated days")
    private double days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "run seed")
    private long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/validate-rules",
            description = "output folder (sweeps.json, sweeps.csv, index.html, charts/)")
    private Path out;

    @Option(
            names = "--start",
            paramLabel = "YYYY-MM-DD[THH:MM]",
            defaultValue = "2026-03-02",
            description = "simulated start, local time (Asia/Shanghai)")
    private String start;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description =
                    "rule configuration the run and every swept value start from (key=value, key@ENTERPRISE=value)")
    private Path rules;

    @Option(
            names = "--fault-rate",
            paramLabel = "R",
            defaultValue = "2",
            description = "random faults per enterprise and simulated day, on average")
    private double faultRate;

    @Option(names = "--points", paramLabel = "P", defaultValue = "8", description = "metering points per enterprise")
    private int points;

    @Option(
            names = "--sweeps",
            paramLabel = "FILE",
            description = "sweep table (RULE KEY VALUE… per line); default: the one shipped (docs/validate-rules.md)")
    private Path sweeps;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (population < 1) {
            throw usage("--population must be at least 1, got " + population);
        }
        if (points < 4) {
            throw usage("--points must be at least 4 (MAIN, production, treatment, one more), got " + points);
        }
        if (!(days > 0) || days > 366) {
            throw usage("--days must be above 0 and at most 366, got " + days);
        }
        if (!(faultRate >= 0) || faultRate > 100) {
            throw usage("--fault-rate must be 0…100 faults per enterprise and day, got " + faultRate);
        }
        LocalDateTime from = startTime();
        Map<String, String> overrides = overrides();
        SweepTable table = table(err);
        if (table == null) {
            return Testbed.EXIT_USAGE;
        }
        RunInfo info;
        RuleValidation.Outcome outcome;
        Path work = Files.createTempDirectory("pollwatt-validate");
        try {
            outcome = RuleValidation.run(
                    new RuleValidation.Settings(
                            population, points, days, seed, from, ZONE, faultRate, overrides, table),
                    work,
                    line -> {
                        err.println("validate-rules: " + line);
                        err.flush();
                    });
            info = new RunInfo(
                    seed,
                    population,
                    points,
                    days,
                    from,
                    ZONE,
                    faultRate,
                    outcome.population().faultKinds(),
                    replay(from));
        } finally {
            delete(work);
        }
        if (outcome.run().fleet().unsent() > 0) {
            err.printf(
                    Locale.ROOT,
                    "validate-rules: warning: %d record(s) stayed unacknowledged; the scores rest on what arrived%n",
                    outcome.run().fleet().unsent());
        }
        Path index = SweepReport.write(out, info, outcome.sweeps());
        for (RuleSweep s : outcome.sweeps()) {
            stdout.println(summary(s));
        }
        stdout.printf(
                Locale.ROOT,
                "validate-rules: %d enterprises × %s %s, %d faults staged; wrote %s, sweeps.json and sweeps.csv%n",
                population,
                SweepTable.text(BigDecimal.valueOf(days)),
                days == 1 ? "day" : "days",
                info.faultCount(),
                index.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    /** {@code ALM-01 alm.notRunningMinMin=30 (default): precision 0.83 recall 0.67 (tp 4, fp 1, fn 2); …}. */
    static String summary(RuleSweep s) {
        RuleSweep.Measured d = s.atDefault();
        return String.format(
                Locale.ROOT,
                "%s %s=%s (default): precision %s recall %s (tp %d, fp %d, fn %d); over %s…%s: precision %s, recall %s",
                s.rule(),
                s.key(),
                SweepTable.text(s.defaultValue()),
                ratio(d.precision()),
                ratio(d.recall()),
                d.truePositives(),
                d.falsePositives(),
                d.falseNegatives(),
                SweepTable.text(s.points().get(0).value()),
                SweepTable.text(s.points().get(s.points().size() - 1).value()),
                range(s.points().stream().map(RuleSweep.Measured::precision).toList()),
                range(s.points().stream().map(RuleSweep.Measured::recall).toList()));
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String range(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return "n/a";
        }
        double lo = known.stream().min(Comparator.naturalOrder()).orElseThrow();
        double hi = known.stream().max(Comparator.naturalOrder()).orElseThrow();
        return lo == hi ? ratio(lo) : ratio(lo) + "–" + ratio(hi);
    }

    private LocalDateTime startTime() {
        try {
            return start.contains("T")
                    ? LocalDateTime.parse(start)
                    : LocalDate.parse(start).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw usage("--start must look like 2026-03-02 or 2026-03-02T00:00, got '" + start + "'");
        }
    }

    /** The --rules file as overrides (validated by the rules' own configuration); none without it. */
    private Map<String, String> overrides() {
        if (rules == null) {
            return Map.of();
        }
        Map<String, String> m = new TreeMap<>();
        try (InputStream in = Files.newInputStream(rules)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            RuleConfig.of(m);
        } catch (RuleConfigException e) {
            throw usage(rules + ": " + String.join("; ", e.errors()));
        } catch (IOException e) {
            throw usage("cannot read " + rules + ": " + e.getMessage());
        }
        return m;
    }

    private SweepTable table(PrintWriter err) {
        if (sweeps == null) {
            return SweepTable.defaults();
        }
        try {
            return SweepTable.read(sweeps);
        } catch (SweepTableException e) {
            e.errors().forEach(err::println);
            err.println("validate-rules: " + e.errors().size() + " problem(s) in the sweep table; nothing ran");
            err.flush();
            return null;
        } catch (IOException e) {
            throw usage("cannot read " + sweeps + ": " + e.getMessage());
        }
    }

    private String replay(LocalDateTime from) {
        List<String> args = new ArrayList<>(List.of(
                "./testbed",
                "validate-rules",
                "--population",
                Integer.toString(population),
                "--days",
                SweepTable.text(BigDecimal.valueOf(days)),
                "--seed",
                Long.toString(seed),
                "--start",
                from.toString(),
                "--fault-rate",
                SweepTable.text(BigDecimal.valueOf(faultRate)),
                "--points",
                Integer.toString(points)));
        if (rules != null) {
            args.addAll(List.of("--rules", rules.toString()));
        }
        if (sweeps != null) {
            args.addAll(List.of("--sweeps", sweeps.toString()));
        }
        return String.join(" ", args);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Removes the run's work folder (the devices' stores, the stopped database). */
    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the work folder " + dir, e);
        }
    }
}
