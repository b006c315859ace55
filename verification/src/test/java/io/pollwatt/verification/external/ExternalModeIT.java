package io.pollwatt.verification.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.platform.clock.SettableClock;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.verification.cli.Testbed;
import io.pollwatt.verification.testbed.ScenarioDatabase;
import io.pollwatt.verification.testbed.StandalonePlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code testbed suite --platform --api --token} against the reference platform running on its own in this JVM,
 * reached only over TCP and HTTP as another vendor's platform would be: one on a test clock the testbed sets ({@code
 * --speed max}), one on the system clock judging every second ({@code --speed xN}).
 */
class ExternalModeIT {

    private static final String TOKEN = "external-mode-token";

    private static Database db;
    private static Database ownClockDb;
    private static StandalonePlatform platform;
    private static StandalonePlatform ownClock;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        db = ScenarioDatabase.open();
        platform = platform(db, new SettableClock(Instant.parse("2026-01-01T00:00:00Z")));
        ownClockDb = ScenarioDatabase.open();
        ownClock = platform(ownClockDb, Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
    }

    private static StandalonePlatform platform(Database db, Clock clock) throws Exception {
        return new StandalonePlatform(
                "127.0.0.1",
                0,
                0,
                Mode.LENIENT,
                db.dataSource(),
                new DeviceRegistry(db.dataSource(), clock),
                clock,
                TOKEN,
                RuleConfig.defaults(),
                Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {platform, ownClock, db, ownClockDb}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private Run suite(Path dir, String tags) {
        return suite(platform, "max", dir, tags);
    }

    private Run suite(StandalonePlatform target, String speed, Path dir, String tags) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = new CommandLine(new Testbed())
                .setOut(new PrintWriter(stdout))
                .setErr(new PrintWriter(stderr))
                .execute(
                        "suite",
                        "--vectors",
                        Vectors.hj212Dir().toString(),
                        "--platform",
                        "127.0.0.1:" + target.hj212().getPort(),
                        "--api",
                        target.api().toString(),
                        "--token",
                        TOKEN,
                        "--speed",
                        speed,
                        "--settle",
                        "PT4S",
                        "--tags",
                        tags,
                        "--out",
                        dir.toString());
        return new Run(code, stdout.toString(), stderr.toString(), dir);
    }

    private record Run(int code, String out, String err, Path dir) {
        JsonNode summary() throws Exception {
            return ReferenceApi.MAPPER.readTree(dir.resolve("summary.json").toFile());
        }
    }

    @Test
    void runs_scenarios_against_a_platform_reached_only_over_tcp_and_http_each_run_on_its_own_data() throws Exception {
        // §10 row 1 (ALM-01, one day) and row 10 (a 6 h outage resent: completeness and day energies read
        // through /api/series), and two threshold examples that set rule parameters: skipped, saying why
        Run run = suite(out.resolve("first"), "@matrix-1 or @matrix-10 or (@rule-ALM-09 and @threshold)");
        // the same scenario again on the same platform: the same MNs and dates, judged on this run's data only
        Run again = suite(out.resolve("again"), "@matrix-1");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode s = run.summary().path("scenarios");
        assertThat(s.path("passed").asInt()).as(run.out()).isEqualTo(2);
        assertThat(s.path("failed").asInt()).as(run.out()).isZero();
        assertThat(s.path("skipped").asInt()).as(run.out()).isEqualTo(2);
        assertThat(run.summary().path("platform").path("api").asText())
                .isEqualTo(platform.api().toString());
        assertThat(run.out()).contains("rule ALM-01: recall 1/1").contains("rule DQ-06: recall 1/1");
        // the platform stored what the devices sent, under the run's names
        assertThat(platform.stats().records()).isGreaterThan(3 * 96);
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.summary().path("scenarios").path("passed").asInt()).isEqualTo(1);
        assertThat(again.out()).contains("rule ALM-01: recall 1/1, precision 1/1");
    }

    @Test
    void max_speed_needs_a_platform_whose_clock_it_may_set() throws Exception {
        Run run = suite(ownClock, "max", out.resolve("refused"), "@matrix-1");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("GET /api/clock")
                .contains("--test-clock")
                .contains("--speed x1440");
    }

    @Test
    void in_scaled_real_time_a_platform_on_its_own_clock_receives_every_record_once() throws Exception {
        long before = ownClock.stats().records();

        Run run = suite(ownClock, "x17280", out.resolve("scaled"), "@matrix-10");

        // three days of three points sent at 17280 times real time (15 s): every 15-minute record (and the opening one)
        // stored once, the 6 h outage resent; what the platform raises against its own clock (it receives March
        // data in December: a backlog) is its business, scored like any alarm
        assertThat(run.summary().path("platform").path("speed").asText()).isEqualTo("x17280");
        assertThat(ownClock.stats().records() - before).as(run.out()).isGreaterThanOrEqualTo(3 * 96 + 1);
        assertThat(ownClock.stats().duplicates()).isZero();
        assertThat(run.out()).contains("rule DQ-06: recall 1/1");
    }
}
