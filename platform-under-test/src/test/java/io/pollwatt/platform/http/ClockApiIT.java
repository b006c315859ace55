package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.platform.clock.SettableClock;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET/PUT /api/clock}: a test clock a testbed sets and judges with; a system clock refuses. */
class ClockApiIT {

    private static final String TOKEN = "clock-test-token";
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    static Path dataDir;

    private static Database db;
    private static SettableClock clock;
    private static final List<String> calls = new ArrayList<>();
    private static HttpApi settable;
    private static HttpApi system;

    @BeforeAll
    static void start() throws Exception {
        Client.quietJetty();
        db = TestDatabases.open(dataDir);
        clock = new SettableClock(START);
        settable = new HttpApi(
                "127.0.0.1",
                0,
                db.dataSource(),
                new IngestStats(),
                clock,
                TOKEN,
                RuleConfig.defaults(),
                (now, judge) -> {
                    clock.set(now);
                    synchronized (calls) {
                        calls.add(now + (judge ? " judged" : ""));
                    }
                });
        system = new HttpApi(
                "127.0.0.1", 0, db.dataSource(), new IngestStats(), Clock.systemUTC(), TOKEN, RuleConfig.defaults());
    }

    @AfterAll
    static void stop() {
        settable.close();
        system.close();
        db.close();
    }

    @Test
    void a_test_clock_is_set_judging_unless_told_not_to_and_reads_back_what_was_set() {
        Client c = new Client(settable.port());

        JsonNode before = Client.json(c.get("/api/clock"));
        HttpResponse<String> set = c.send(
                "PUT", "/api/clock", "Bearer " + TOKEN, "application/json", "{\"now\": \"2026-03-01T08:15:00+08:00\"}");
        HttpResponse<String> quiet = c.send(
                "PUT",
                "/api/clock",
                "Bearer " + TOKEN,
                "application/json",
                "{\"now\": \"2026-03-01T00:30:00Z\", \"judge\": false}");

        assertThat(before.path("settable").asBoolean()).isTrue();
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Client.json(set).path("now").asText()).isEqualTo("2026-03-01T00:15:00Z");
        assertThat(Client.json(set).path("judged").asBoolean()).isTrue();
        assertThat(quiet.statusCode()).isEqualTo(200);
        assertThat(Client.json(c.get("/api/clock")).path("now").asText()).isEqualTo("2026-03-01T00:30:00Z");
        synchronized (calls) {
            assertThat(calls).containsSubsequence("2026-03-01T00:15:00Z judged", "2026-03-01T00:30:00Z");
        }
    }

    @Test
    void bad_times_and_missing_tokens_are_refused_naming_the_field() {
        Client c = new Client(settable.port());

        HttpResponse<String> local = c.send(
                "PUT", "/api/clock", "Bearer " + TOKEN, "application/json", "{\"now\": \"2026-03-01T08:15:00\"}");
        HttpResponse<String> missing = c.send("PUT", "/api/clock", "Bearer " + TOKEN, "application/json", "{}");
        HttpResponse<String> anonymous =
                c.send("PUT", "/api/clock", null, "application/json", "{\"now\": \"2026-03-01T00:15:00Z\"}");

        assertThat(local.statusCode()).isEqualTo(400);
        assertThat(Client.json(local).path("code").asText()).isEqualTo("BAD_TIME");
        assertThat(Client.json(local).path("field").asText()).isEqualTo("now");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Client.json(missing).path("code").asText()).isEqualTo("MISSING_FIELD");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void a_platform_on_the_system_clock_shows_its_time_and_refuses_to_be_set() {
        Client c = new Client(system.port());

        JsonNode clockNow = Client.json(c.get("/api/clock"));
        HttpResponse<String> set = c.send(
                "PUT", "/api/clock", "Bearer " + TOKEN, "application/json", "{\"now\": \"2026-03-01T00:15:00Z\"}");

        assertThat(clockNow.path("settable").asBoolean()).isFalse();
        assertThat(Instant.parse(clockNow.path("now").asText())).isAfter(START);
        assertThat(set.statusCode()).isEqualTo(409);
        assertThat(Client.json(set).path("code").asText()).isEqualTo("CLOCK_NOT_SETTABLE");
    }
}
