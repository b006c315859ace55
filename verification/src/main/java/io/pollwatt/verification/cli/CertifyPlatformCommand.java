package io.pollwatt.verification.cli;

import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.CertCase;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import io.pollwatt.report.html.CertificationReportWriter;
import io.pollwatt.report.model.CaseOutcome;
import io.pollwatt.report.model.CaseVerdict;
import io.pollwatt.report.model.CertificationReport;
import io.pollwatt.verification.certification.PlatformCertifier;
import io.pollwatt.verification.external.ExternalTarget;
import io.pollwatt.verification.scoring.ScenarioScore;
import io.pollwatt.verification.scoring.ScoreBook;
import io.pollwatt.verification.steps.ScenarioWorld;
import io.pollwatt.verification.testbed.PlatformStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed certify-platform}: certifies a monitoring platform against the {@code platform} profile of the case
 * catalogue (docs/certification.md, "Certifying a platform"). The fleet cases run an emulated DTU through a relay the
 * tester watches ({@link PlatformCertifier}); the detection cases run the selected scenarios of the catalogue as
 * {@code testbed suite --platform} does. Prints one line per case and a final verdict line; writes the verdict report
 * ({@code pollwatt-certification/1}).
 */
@Command(
        name = "certify-platform",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Certify a monitoring platform: an emulated fleet uploads to it over HJ 212-2017, the checks read it back"
                    + " through the reference REST contract (docs/api.md), and selected scenarios test detection.",
            "Exit 0 when every applicable case passed, 1 when a case failed or was inconclusive, 2 for bad input or"
                    + " a platform that cannot be reached."
        })
final class CertifyPlatformCommand implements Callable<Integer> {

    /** The default detection matrix: two §10 rows that run in about a minute against the reference. */
    static final String DEFAULT_TAGS = "@matrix-1 or @matrix-10";

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT", description = "the platform's HJ 212 ingest")
    private String target;

    @Option(
            names = "--api",
            required = true,
            paramLabel = "URL",
            description = "its reference REST API, e.g. http://host:8080/")
    private String api;

    @Option(
            names = "--token",
            paramLabel = "T",
            defaultValue = "${env:POLLWATT_API_TOKEN}",
            description = "the API's bearer token (default: $POLLWATT_API_TOKEN)")
    private String token;

    @Option(
            names = "--speed",
            paramLabel = "max|xN",
            defaultValue = "max",
            description = "max (default): virtual time on the platform's test clock (PUT /api/clock); xN: device time"
                    + " runs N times real time on the platform's own clock")
    private String speed;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            defaultValue = "PT150S",
            description = "with --speed xN: how long the platform must stay unchanged before it is read (default"
                    + " ${DEFAULT-VALUE})")
    private Duration settle;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/platform-certification",
            description = "report folder (default ${DEFAULT-VALUE})")
    private Path out;

    @Option(
            names = "--tags",
            paramLabel = "EXPR",
            defaultValue = DEFAULT_TAGS,
            description = "the scenarios of the detection cases (default: ${DEFAULT-VALUE}); '' runs none (PLT-DET-"
                    + " cases not applicable)")
    private String tags;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "the run seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExternalTarget t;
        try {
            URI u = URI.create(api.strip());
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                err.println("testbed certify-platform: --api must be an http(s) URL, got '" + api + "'");
                return Testbed.EXIT_USAGE;
            }
            if (token == null || token.isBlank()) {
                err.println("testbed certify-platform: give --token T (or POLLWATT_API_TOKEN): registering the"
                        + " certification site is a write");
                return Testbed.EXIT_USAGE;
            }
            t = new ExternalTarget(
                    ExternalTarget.address(target), u, token.strip(), ExternalTarget.speed(speed), settle);
        } catch (IllegalArgumentException e) {
            err.println("testbed certify-platform: " + e.getMessage());
            return Testbed.EXIT_USAGE;
        }
        try {
            PlatformCertifier.preflight(t);
        } catch (PlatformStoreException e) {
            err.println("testbed certify-platform: " + e.getMessage());
            return Testbed.EXIT_USAGE;
        }
        Files.createDirectories(out);
        Catalogue catalogue = Catalogue.standard();
        List<CaseResult> results = new ArrayList<>();
        Map<String, String> about = new LinkedHashMap<>();
        about.put("platform", "HJ 212 " + target + ", API " + t.api() + ", speed " + speed);
        about.put("seed", Long.toString(seed));
        Path work = Files.createTempDirectory("pollwatt-certify-platform");
        try {
            PlatformCertifier.Outcome fleet;
            try {
                fleet = PlatformCertifier.run(t, tag(), work, seed, line -> print(o, line));
            } catch (PlatformStoreException e) {
                err.println("testbed certify-platform: the fleet run failed: " + e.getMessage()
                        + (e.getMessage().contains("401") ? " (is --token the platform's API token?)" : ""));
                return Testbed.EXIT_USAGE;
            }
            about.putAll(fleet.about());
            for (CaseResult r : fleet.results()) {
                results.add(r);
                print(o, line(r));
            }
            for (CaseResult r : detection(t, catalogue, about, line -> print(o, line))) {
                results.add(r);
                print(o, line(r));
            }
        } finally {
            deleteTree(work);
        }
        CertificationReport report = new CertificationReport(
                "platform " + t.api(),
                Profile.PLATFORM.id(),
                // when the report was made, for the reader; no verdict depends on it
                ZonedDateTime.now(java.time.ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                seed,
                about,
                results.stream()
                        .map(r -> new CaseVerdict(
                                r.caseId(),
                                r.clause(),
                                r.title(),
                                outcome(r.verdict()),
                                r.evidence().isEmpty() ? "—" : String.join("\n", r.evidence()),
                                List.of()))
                        .toList());
        CertificationReportWriter.Written written = CertificationReportWriter.write(out, report);
        long passed = count(results, Verdict.PASS);
        long failed = count(results, Verdict.FAIL);
        long inconclusive = count(results, Verdict.INCONCLUSIVE);
        boolean ok = failed == 0 && inconclusive == 0;
        o.printf(
                "certify-platform: %s — %d passed, %d failed, %d inconclusive, %d not applicable; report %s%n",
                ok ? "PASS" : "FAIL",
                passed,
                failed,
                inconclusive,
                count(results, Verdict.NOT_APPLICABLE),
                written.html());
        o.flush();
        return ok ? 0 : 1;
    }

    /** PLT-DET-01 and -02: the selected scenarios run against the platform as {@code testbed suite --platform}. */
    private List<CaseResult> detection(
            ExternalTarget t, Catalogue catalogue, Map<String, String> about, java.util.function.Consumer<String> p)
            throws IOException {
        CertCase detected = catalogue.find("PLT-DET-01").orElseThrow();
        CertCase forbidden = catalogue.find("PLT-DET-02").orElseThrow();
        if (tags == null || tags.isBlank()) {
            String why = "no scenario selected (--tags '')";
            return List.of(
                    new CaseResult(
                            detected.id(), detected.clause(), detected.title(), Verdict.NOT_APPLICABLE, List.of(why)),
                    new CaseResult(
                            forbidden.id(),
                            forbidden.clause(),
                            forbidden.title(),
                            Verdict.NOT_APPLICABLE,
                            List.of(why)));
        }
        Path dir = Files.createDirectories(out.resolve("detection"));
        p.accept("detection: scenarios " + tags + " against the platform (reports in " + dir + ")");
        System.setProperty("cucumber.publish.quiet", "true");
        System.setProperty(ScenarioWorld.SEED_PROPERTY, Long.toString(seed));
        ExternalTarget.setSystemProperties(target, t.api().toString(), t.token(), speed, settle);
        ScenarioTally.reset();
        ScoreBook.clear();
        long t0 = System.nanoTime();
        try {
            io.cucumber.core.cli.Main.run(
                    new String[] {
                        "--glue",
                        "io.pollwatt.verification.steps",
                        "--tags",
                        tags,
                        "--threads",
                        "1",
                        "--plugin",
                        "junit:" + dir + "/cucumber-junit.xml",
                        "--plugin",
                        "message:" + dir + "/cucumber.ndjson",
                        "--plugin",
                        ScenarioTally.class.getName(),
                        "--monochrome",
                        "classpath:features"
                    },
                    Thread.currentThread().getContextClassLoader());
        } finally {
            ExternalTarget.clearSystemProperties();
        }
        about.put(
                "detection",
                "tags " + tags
                        + ": %d passed, %d failed, %d skipped in %.0f s"
                                .formatted(
                                        ScenarioTally.passed(),
                                        ScenarioTally.failed(),
                                        ScenarioTally.skipped(),
                                        (System.nanoTime() - t0) / 1e9));
        List<String> d1 = new ArrayList<>();
        List<String> d2 = new ArrayList<>();
        int f1 = 0;
        int f2 = 0;
        for (ScoreBook.Entry e : ScoreBook.entries()) {
            ScenarioScore s = e.score();
            String name = e.scenario() + " (" + e.uri().replaceFirst(".*features/", "") + ":" + e.line() + ")";
            d1.add(name + ": " + e.status() + ", " + s.detections().size() + " expected alarm(s) raised, "
                    + s.misses().size() + " missed");
            for (ScenarioScore.Miss m : s.misses()) {
                f1++;
                d1.add("FAIL " + name + ": " + m.faultKind() + " on " + m.target() + " from " + m.faultStart()
                        + " raised no " + m.rule());
            }
            List<ScenarioScore.FalseAlarm> bad = s.falseAlarms().stream()
                    .filter(a -> a.forbiddenBy() != null)
                    .toList();
            d2.add(name + ": " + bad.size() + " forbidden alarm(s) of "
                    + s.alarms().size() + " scored");
            for (ScenarioScore.FalseAlarm a : bad) {
                f2++;
                d2.add("FAIL " + name + ": alarm " + a.alarmId() + " " + a.rule() + " on " + a.key() + " at "
                        + a.start() + ", which " + a.forbiddenBy() + " forbids");
            }
        }
        for (String failure : ScenarioTally.failures()) {
            f1++;
            d1.add("FAIL scenario " + failure);
        }
        int ran = ScenarioTally.passed() + ScenarioTally.failed();
        d1.add("%d scenario(s) ran, %d skipped".formatted(ran, ScenarioTally.skipped()));
        Verdict v1 = f1 > 0 ? Verdict.FAIL : ran == 0 ? Verdict.INCONCLUSIVE : Verdict.PASS;
        Verdict v2 = f2 > 0 ? Verdict.FAIL : ran == 0 ? Verdict.INCONCLUSIVE : Verdict.PASS;
        if (ran == 0) {
            d1.add("no selected scenario could run against this platform");
            d2.add("no selected scenario could run against this platform");
        }
        return List.of(
                new CaseResult(detected.id(), detected.clause(), detected.title(), v1, d1),
                new CaseResult(forbidden.id(), forbidden.clause(), forbidden.title(), v2, d2));
    }

    private static String line(CaseResult r) {
        String first = r.evidence().stream()
                .filter(l -> l.startsWith("FAIL "))
                .findFirst()
                .orElse(
                        r.evidence().isEmpty()
                                ? ""
                                : r.evidence().get(r.evidence().size() - 1));
        return "%-10s %-14s %s — %s".formatted(r.caseId(), r.verdict(), r.title(), first);
    }

    private static void print(PrintWriter o, String line) {
        o.println(line);
        o.flush();
    }

    private static long count(List<CaseResult> results, Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }

    private static CaseOutcome outcome(Verdict v) {
        return switch (v) {
            case PASS -> CaseOutcome.PASS;
            case FAIL -> CaseOutcome.FAIL;
            case NOT_APPLICABLE -> CaseOutcome.NOT_APPLICABLE;
            case INCONCLUSIVE -> CaseOutcome.INCONCLUSIVE;
        };
    }

    /** Six random letters and digits: what makes this run's names unique on a platform that keeps everything. */
    private static String tag() {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(digits.charAt(random.nextInt(digits.length())));
        }
        return b.toString();
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
