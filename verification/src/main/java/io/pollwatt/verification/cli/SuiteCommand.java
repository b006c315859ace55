package io.pollwatt.verification.cli;

import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.CucumberProperties;
import io.cucumber.core.options.CucumberPropertiesParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.order.PickleOrder;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import io.pollwatt.report.html.HtmlReport;
import io.pollwatt.report.model.ConformanceSummary;
import io.pollwatt.report.model.RuleQuality;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.SuiteReport;
import io.pollwatt.verification.external.ExternalTarget;
import io.pollwatt.verification.scoring.RuleTally;
import io.pollwatt.verification.scoring.ScoreBook;
import io.pollwatt.verification.scoring.ScoreJson;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.steps.AcceptanceSteps;
import io.pollwatt.verification.steps.ScenarioWorld;
import io.pollwatt.verification.steps.TruthSteps;
import io.pollwatt.verification.testbed.ScenarioDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed suite}: the project's main job. It runs the protocol conformance check of the codec
 * ({@link ConformanceSuite}), then the scenario catalogue of scenario-specs (Cucumber, step definitions in
 * {@code io.pollwatt.verification.steps}: twin, emulated devices and the in-process reference platform on one
 * virtual clock), writes the reports to {@code --out} (Cucumber JUnit XML, HTML and messages, {@code summary.json}),
 * prints one line per failing case or scenario, then
 *
 * <pre>
 *   suite: N passed, M failed
 * </pre>
 *
 * alone on the last line. Exit 0 when everything passed, 1 otherwise, 2 when the vectors cannot be read.
 */
@Command(
        name = "suite",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Run the testbed suite: the HJ 212-2017 protocol conformance check of the codec against the shared"
                    + " vectors, then the scenario catalogue against the in-process reference platform (or, with"
                    + " --platform and --api, against another platform in scaled real time).",
            "Exit 0 when all cases pass, 1 otherwise, 2 when the vectors cannot be read."
        })
final class SuiteCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteCommand.class);

    /** Set by the {@code testbed} launcher to the repository root. */
    static final String HOME_PROPERTY = "pollwatt.home";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--vectors",
            paramLabel = "DIR",
            description = "the hj212 vector folder (valid.jsonl, invalid.jsonl, crc.jsonl);"
                    + " default: <repository>/../shared/vectors/hj212, the repository from -D" + HOME_PROPERTY)
    private Path vectors;

    @Option(
            names = "--tags",
            paramLabel = "EXPR",
            defaultValue = "not @gap",
            description = "Cucumber tag expression selecting scenarios (default: ${DEFAULT-VALUE})")
    private String tags;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/testbed-report",
            description = "where the reports go (default: ${DEFAULT-VALUE})")
    private Path reportDir;

    @Option(names = "--conformance-only", description = "run the protocol conformance check only, no scenario")
    private boolean conformanceOnly;

    @Option(
            names = "--features",
            paramLabel = "PATH",
            split = ",",
            description = "feature files or folders to run instead of the catalogue (scenarios of your own; the"
                    + " ready sites and steps of the catalogue stay available); repeatable")
    private List<Path> features = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description = "scenarios run side by side (default: ${DEFAULT-VALUE}); each has its own platform schema,"
                    + " devices and virtual clock, so the results do not depend on it")
    private int threads;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "the run seed of every scenario (default: ${DEFAULT-VALUE}); one seed, one result")
    private long seed;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description = "run the scenarios on this PostgreSQL (a schema per scenario) instead of the embedded one")
    private String db;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            defaultValue = "postgres",
            description = "the user for --db (default: ${DEFAULT-VALUE}; no password: trust or .pgpass)")
    private String dbUser;

    @Option(
            names = "--platform",
            paramLabel = "HOST:PORT",
            description =
                    "run the catalogue against another platform: its HJ 212 ingest (needs --api; docs/scenarios.md"
                            + " \"Against another platform\")")
    private String platform;

    @Option(
            names = "--api",
            paramLabel = "URL",
            description = "with --platform: the base URL of its reference REST API, e.g. http://host:8080/")
    private String api;

    @Option(
            names = "--token",
            paramLabel = "T",
            defaultValue = "${env:POLLWATT_API_TOKEN}",
            description = "with --platform: the API's bearer token (default: $POLLWATT_API_TOKEN)")
    private String token;

    @Option(
            names = "--speed",
            paramLabel = "xN",
            defaultValue = "max",
            description = "with --platform: max (default): virtual time, the platform's clock set by PUT /api/clock"
                    + " (one scenario at a time); xN: device time runs N times real time and the platform keeps its"
                    + " own (x1440: a day a minute)")
    private String speed;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            defaultValue = "PT150S",
            description = "with --platform: how long the platform's records and alarms must stay unchanged after a"
                    + " run before they are checked, at least one of its judgement periods (default: ${DEFAULT-VALUE})")
    private java.time.Duration settle;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (platform != null) {
            String problem = externalProblem();
            if (problem != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), problem);
            }
        } else if (api != null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--api belongs to --platform HOST:PORT (an outside platform)");
        }
        try {
            TagExpressionParser.parse(tags);
        } catch (TagExpressionException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tags: " + e.getMessage());
        }
        Path dir = vectors;
        if (dir == null) {
            String home = System.getProperty(HOME_PROPERTY);
            if (home == null || home.isBlank()) {
                err.println(
                        "testbed suite: no vector folder: give --vectors DIR, or run through ./testbed, which sets -D"
                                + HOME_PROPERTY + "=<repository>");
                return Testbed.EXIT_USAGE;
            }
            dir = Path.of(home, "..", "shared", "vectors", "hj212");
        }
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            err.println("testbed suite: vector folder not found: " + dir);
            return Testbed.EXIT_USAGE;
        }
        LOG.debug("running the protocol conformance vectors in {}", dir);
        ConformanceSuite.Report report;
        try {
            report = ConformanceSuite.run(dir);
        } catch (IOException e) {
            String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : dir.toString();
            err.println(Testbed.cannotRead("suite", file, e));
            return Testbed.EXIT_USAGE;
        }
        out.print("protocol conformance (HJ 212-2017 codec) against " + dir + "\n");
        for (String failure : report.failures()) {
            out.print("FAIL " + failure + "\n");
        }
        int passed = report.passed();
        int failed = report.failed();
        if (!conformanceOnly) {
            Scenarios scenarios = scenarios(err);
            if (scenarios == null) {
                return Testbed.EXIT_USAGE;
            }
            for (String failure : scenarios.failures()) {
                out.print("FAIL scenario " + failure + "\n");
            }
            for (RuleTally.Quality q : ScoreBook.tally().qualities()) {
                out.print(quality(q) + "\n");
            }
            out.print("scenarios: " + scenarios.passed() + " passed, " + scenarios.failed() + " failed, "
                    + scenarios.skipped() + " skipped (tags: " + tags + "); reports in " + reportDir.toAbsolutePath()
                    + "\n");
            passed += scenarios.passed();
            failed += scenarios.failed();
            writeSummary(report, scenarios, err);
            Path index = writeReport(report, scenarios, err);
            if (index != null) {
                out.print("report: " + index.toAbsolutePath() + "\n");
            }
        }
        out.print("suite: " + passed + " passed, " + failed + " failed\n");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Scenarios side by side: one at a time against an outside platform in virtual time (it has one clock). */
    private int threads() {
        boolean oneClock = platform != null && Double.isInfinite(ExternalTarget.speed(speed));
        return oneClock ? 1 : Math.max(1, threads);
    }

    /** What is wrong with the outside platform's options, or null. */
    private String externalProblem() {
        if (api == null || api.isBlank()) {
            return "--platform needs --api URL: the checks read the platform through its REST API";
        }
        if (db != null) {
            return "--db is the in-process platform's database; an outside platform keeps its own";
        }
        try {
            ExternalTarget.address(platform);
            java.net.URI u = java.net.URI.create(api.strip());
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                return "--api must be an http(s) URL, got '" + api + "'";
            }
            new ExternalTarget(
                    ExternalTarget.address(platform),
                    u,
                    token == null ? "" : token,
                    ExternalTarget.speed(speed),
                    settle);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (token == null || token.isBlank()) {
            return "--platform needs --token T (or POLLWATT_API_TOKEN): registering the sites is a write";
        }
        return null;
    }

    /** What the scenario catalogue gave. */
    private record Scenarios(int passed, int failed, int skipped, java.util.List<String> failures) {}

    /** Runs the catalogue with Cucumber's runtime; null when the report folder cannot be made. */
    private Scenarios scenarios(PrintWriter err) {
        try {
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            err.println(Testbed.cannotRead("suite", reportDir.toString(), e));
            return null;
        }
        String dir = reportDir.toAbsolutePath().toString();
        System.setProperty("cucumber.publish.quiet", "true");
        System.setProperty(ScenarioWorld.SEED_PROPERTY, Long.toString(seed));
        if (db != null) {
            System.setProperty(ScenarioDatabase.URL_PROPERTY, db);
            System.setProperty(ScenarioDatabase.USER_PROPERTY, dbUser);
        }
        if (platform != null) {
            ExternalTarget.setSystemProperties(platform, api, token, speed, settle);
        }
        System.setProperty(TruthSteps.REPORT_PROPERTY, "true");
        System.setProperty(AcceptanceSteps.REPORT_DIR_PROPERTY, dir);
        ScenarioTally.reset();
        ScoreBook.clear();
        FeatureFiles.Selection selection;
        try {
            selection = features.isEmpty()
                    ? FeatureFiles.catalogue(Thread.currentThread().getContextClassLoader())
                    : FeatureFiles.files(features);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("testbed suite: " + e.getMessage());
            return null;
        }
        try {
            if (!selection.locations().isEmpty()) {
                runCucumber(dir, selection.locations());
            }
        } finally {
            ExternalTarget.clearSystemProperties();
        }
        // a file Gherkin cannot parse was left out of the run: it fails, with its place, and the others ran
        List<String> failures = new ArrayList<>();
        selection.problems().forEach(p -> failures.add("feature " + p));
        failures.addAll(ScenarioTally.failures());
        return new Scenarios(
                ScenarioTally.passed(),
                ScenarioTally.failed() + selection.problems().size(),
                ScenarioTally.skipped(),
                failures);
    }

    private void runCucumber(String dir, List<String> featureLocations) {
        List<String> args = new ArrayList<>(List.of(
                "--glue",
                "io.pollwatt.verification.steps",
                "--tags",
                tags,
                "--threads",
                Integer.toString(threads()),
                "--plugin",
                "junit:" + dir + "/cucumber-junit.xml",
                "--plugin",
                "html:" + dir + "/cucumber.html",
                "--plugin",
                "message:" + dir + "/cucumber.ndjson",
                "--plugin",
                ScenarioTally.class.getName(),
                "--monochrome"));
        args.addAll(featureLocations);
        run(
                args.toArray(String[]::new),
                new LongestRunFirst(),
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * {@code io.cucumber.core.cli.Main.run} with a scenario order of our own (the command line offers only lexical,
     * reverse and random): the same layers of options, properties file, environment, system properties, arguments.
     */
    private static void run(String[] argv, PickleOrder order, ClassLoader loader) {
        RuntimeOptions fromFile = new CucumberPropertiesParser()
                .parse(CucumberProperties.fromPropertiesFile())
                .build();
        RuntimeOptions fromEnvironment = new CucumberPropertiesParser()
                .parse(CucumberProperties.fromEnvironment())
                .build(fromFile);
        RuntimeOptions fromSystem = new CucumberPropertiesParser()
                .parse(CucumberProperties.fromSystemProperties())
                .build(fromEnvironment);
        RuntimeOptions options = new CommandlineOptionsParser(System.out)
                .parse(argv)
                .setPickleOrder(order)
                .addDefaultSummaryPrinterIfNotDisabled()
                .build(fromSystem);
        Runtime.builder()
                .withRuntimeOptions(options)
                .withClassLoader(() -> loader)
                .build()
                .run();
    }

    /** The human report (module reports) as {@code index.html} in the report folder; null when it failed. */
    private Path writeReport(ConformanceSuite.Report conformance, Scenarios s, PrintWriter err) {
        Map<String, String> errors = ScenarioTally.errors();
        List<ScenarioReport> scenarios = new ArrayList<>();
        for (ScoreBook.Entry e : ScoreBook.entries()) {
            if (e.report() == null) {
                continue;
            }
            ScenarioReport r = e.report();
            String error = errors.get(e.uri() + ":" + e.line());
            scenarios.add(new ScenarioReport(
                    r.name(),
                    r.featureUri(),
                    r.line(),
                    r.tags(),
                    r.status(),
                    error,
                    r.curves(),
                    r.states(),
                    r.faults(),
                    r.alarms(),
                    r.tvoc(),
                    r.energy(),
                    r.completeness()));
        }
        List<RuleQuality> rules = ScoreBook.tally().qualities().stream()
                .map(q -> new RuleQuality(q.rule(), q.detected(), q.falseAlarms(), q.missed(), q.delays()))
                .toList();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("pollwatt", new Testbed.Version().getVersion()[0]);
        versions.put("Java", System.getProperty("java.version"));
        versions.put("数据库", db == null ? "embedded PostgreSQL" : db);
        versions.put("被测平台", platform == null ? "in-process reference platform" : platform + ", " + api);
        SuiteReport suite = new SuiteReport(
                "pollwatt 场景目录运行报告",
                conformance.failed() == 0 && s.failed() == 0,
                seed,
                "./testbed suite --seed " + seed + " --tags '" + tags + "'"
                        + (platform == null ? "" : " --platform " + platform + " --api " + api + " --speed " + speed),
                versions,
                // when the report was made, for the reader; no verdict depends on it
                ZonedDateTime.now(SiteFile.DEFAULT_ZONE)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                SiteFile.DEFAULT_ZONE,
                scenarios,
                rules,
                List.of(),
                new ConformanceSummary(
                        conformance.passed() + conformance.failed(), conformance.passed(), conformance.failures()));
        try {
            return HtmlReport.write(reportDir, suite);
        } catch (RuntimeException e) {
            err.println("testbed suite: cannot write the report in " + reportDir + ": " + e.getMessage());
            return null;
        }
    }

    /** One rule's line: {@code rule ALM-01: recall 3/3, precision 3/3, delay median 45 min, max 60 min}. */
    static String quality(RuleTally.Quality q) {
        StringBuilder b = new StringBuilder("rule ").append(q.rule()).append(": ");
        b.append("recall ").append(q.detected()).append('/').append(q.expected());
        b.append(", precision ")
                .append(q.alarms() - q.falseAlarms())
                .append('/')
                .append(q.alarms());
        if (q.forbidden() > 0) {
            b.append(" (").append(q.forbidden()).append(" forbidden)");
        }
        if (q.medianDelay() != null) {
            b.append(", delay median ")
                    .append(q.medianDelay().toMinutes())
                    .append(" min, max ")
                    .append(q.maxDelay().toMinutes())
                    .append(" min");
        }
        return b.toString();
    }

    private void writeSummary(ConformanceSuite.Report report, Scenarios s, PrintWriter err) {
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.createObjectNode();
        json.putObject("conformance").put("passed", report.passed()).put("failed", report.failed());
        com.fasterxml.jackson.databind.node.ObjectNode sc = json.putObject("scenarios");
        sc.put("passed", s.passed())
                .put("failed", s.failed())
                .put("skipped", s.skipped())
                .put("tags", tags);
        s.failures().forEach(sc.putArray("failures")::add);
        com.fasterxml.jackson.databind.node.ArrayNode list = sc.putArray("list");
        for (ScoreBook.Entry e : ScoreBook.entries()) {
            com.fasterxml.jackson.databind.node.ObjectNode o = list.addObject()
                    .put("name", e.scenario())
                    .put("uri", e.uri())
                    .put("line", e.line())
                    .put("status", e.status())
                    .put("tallied", e.tallied());
            o.set("score", ScoreJson.scenario(e.score()));
        }
        json.set("rules", ScoreJson.rules(ScoreBook.tally().qualities()));
        json.put("seed", seed);
        // detection delays are counted from the fault's start to the judgement that raised the alarm
        json.put("judgementMinutes", ScenarioWorld.JUDGEMENT.toMinutes());
        json.put("longRunJudgementMinutes", ScenarioWorld.LONG_JUDGEMENT.toMinutes());
        json.put("longRunDays", ScenarioWorld.LONG_RUN.toDays());
        json.put("database", db == null ? "embedded" : db);
        if (platform == null) {
            json.put("platform", "in-process");
        } else {
            json.putObject("platform")
                    .put("hj212", platform)
                    .put("api", api)
                    .put("speed", speed)
                    .put("settle", settle.toString());
        }
        json.put("version", new Testbed.Version().getVersion()[0]);
        json.put("java", System.getProperty("java.version"));
        try {
            Files.writeString(reportDir.resolve("summary.json"), Json.MAPPER.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            err.println("testbed suite: cannot write " + reportDir.resolve("summary.json") + ": " + e.getMessage());
        }
    }
}
