package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.alarms.RuleLoader;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarms over HTTP: listed with filters, one with its lifecycle, reviewed behind the token; the rules and config. */
class AlarmApiIT {

    private static final String TOKEN = "alarm-test-token";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 0, 0);
    private static final Clock CLOCK =
            Clock.fixed(DAY.plusHours(12).atZone(ZONE).toInstant(), ZONE);
    private static final String MN = "0100000000000000000000B2";
    private static final String SITE = """
            id: E2
            name: 测试食品
            district: 余杭区
            industry: 食品
            points:
              - {id: P1, name: 油炸线, kind: PROD, meter: {ct: 200/5}, limits: {pOnKw: 10, pRefKw: 50}}
              - {id: T1, name: 油烟净化器, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
            groups:
              - {id: G1, members: [T1], required: 1}
            associations:
              - {production: [P1], groups: G1}
            devices:
              - {mn: "0100000000000000000000B2", pw: "123456", points: [P1, T1]}
            """;

    @TempDir
    static Path dataDir;

    private static Database db;
    private static HttpApi api;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        Client.quietJetty();
        db = TestDatabases.open(dataDir);
        ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), CLOCK);
        archive.importArchive(ArchiveReader.parse("E2.yaml", SITE));
        RuleConfig config = RuleConfig.of(Map.of("alm.notRunningMinMin@E2", "45"));
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("select pollwatt_month_partition('record', timestamp '2026-03-01', false)");
            try (PreparedStatement ps = c.prepareStatement("insert into record (mn, cn, data_time, cp, received_at)"
                    + " values (?, '2011', ?, ?::jsonb, ?)")) {
                // production 02:00-06:00; the fan off 03:00-04:00 (4 samples) and 05:00-05:30 (2 samples)
                for (int k = 0; k < 48; k++) {
                    boolean producing = k >= 8 && k < 24;
                    boolean off = (k >= 12 && k < 16) || (k >= 20 && k < 22);
                    ps.setString(1, MN);
                    ps.setObject(2, DAY.plusMinutes(15L * k));
                    ps.setString(
                            3,
                            String.format(
                                    Locale.ROOT,
                                    "{\"g71301-Rtd\":\"%.1f\",\"g71302-Rtd\":\"%.1f\"}",
                                    producing ? 50.0 + (k % 4) * 0.1 : 0.0, // never frozen (DQ-12)
                                    producing && !off ? 20.0 + (k % 3) * 0.1 : 0.0));
                    ps.setTimestamp(4, Timestamp.from(CLOCK.instant()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        RuleService rules = new RuleService(
                db.dataSource(),
                archive,
                new RuleLoader(db.dataSource(), FactorCodes.pollwattDefault(), AggregationSettings.defaults()),
                config,
                Catalogue.engine(),
                CLOCK);
        rules.rerun(DAY, DAY.plusDays(1), java.util.Optional.empty());
        api = new HttpApi("127.0.0.1", 0, db.dataSource(), new IngestStats(), CLOCK, TOKEN, config);
        client = new Client(api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
        db.close();
        TestDatabases.discard(dataDir);
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Client.json(r);
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = Client.json(r);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("field").asText(null)).isEqualTo(field);
    }

    @Test
    void alarmsAreListedFilteredAndReviewed() {
        // the enterprise's own 45-min ALM-01: the 60-min stop fires, the 30-min one does not
        JsonNode page = ok(client.get("/api/alarms?enterprise=E2&rule=ALM-01"));
        assertThat(page.path("items")).hasSize(1);
        JsonNode a = page.path("items").get(0);
        assertThat(a.path("start").asText()).isEqualTo("2026-03-02T03:00:00");
        assertThat(a.path("end").asText()).isEqualTo("2026-03-02T04:00:00");
        assertThat(a.path("status").asText()).isEqualTo("CLOSED");
        assertThat(a.path("evidence")
                        .path("config")
                        .path("alm.notRunningMinMin")
                        .asText())
                .isEqualTo("45");
        assertThat(ok(client.get("/api/alarms?enterprise=E2&level=1")).path("items"))
                .isEmpty();
        assertThat(ok(client.get("/api/alarms?rule=ALM-01&from=2026-03-02T04:00:00"))
                        .path("items"))
                .isEmpty();

        long id = a.path("id").asLong();
        JsonNode one = ok(client.get("/api/alarms/" + id));
        assertThat(one.path("events").get(0).path("kind").asText()).isEqualTo("OPENED");

        String review = "{\"decision\":\"DISMISSED\",\"comment\":\"检修报备\",\"reviewer\":\"zhang\"}";
        assertError(
                client.send("POST", "/api/alarms/" + id + "/review", null, "application/json", review),
                401,
                "UNAUTHORIZED",
                "Authorization");
        assertError(
                client.send(
                        "POST",
                        "/api/alarms/" + id + "/review",
                        "Bearer " + TOKEN,
                        "application/json",
                        "{\"decision\":\"maybe\",\"reviewer\":\"zhang\"}"),
                400,
                "BAD_VALUE",
                "decision");
        assertError(
                client.send(
                        "POST",
                        "/api/alarms/" + id + "/review",
                        "Bearer " + TOKEN,
                        "application/json",
                        "{\"decision\":\"CONFIRMED\"}"),
                400,
                "MISSING_FIELD",
                "reviewer");
        JsonNode reviewed =
                ok(client.send("POST", "/api/alarms/" + id + "/review", "Bearer " + TOKEN, "application/json", review));
        assertThat(reviewed.path("alarm").path("review").asText()).isEqualTo("DISMISSED");
        assertThat(reviewed.path("alarm").path("reviewComment").asText()).isEqualTo("检修报备");
        assertThat(ok(client.get("/api/alarms?review=DISMISSED")).path("items")).hasSize(1);
    }

    @Test
    void badQueriesNameTheirParameter() {
        assertError(client.get("/api/alarms?level=4"), 400, "BAD_VALUE", "level");
        assertError(client.get("/api/alarms?status=SLEEPING"), 400, "BAD_VALUE", "status");
        assertError(client.get("/api/alarms?from=yesterday"), 400, "BAD_TIME", "from");
        assertError(client.get("/api/alarms?severity=1"), 400, "UNKNOWN_PARAMETER", "severity");
        assertError(client.get("/api/alarms/999999"), 404, "UNKNOWN_ALARM", "id");
        assertError(client.get("/api/alarms/x1"), 400, "BAD_VALUE", "id");
    }

    @Test
    void rulesShowTheirVersionsAndTheActiveConfiguration() {
        JsonNode rules = ok(client.get("/api/rules"));
        assertThat(rules.path("rules").findValuesAsText("id")).contains("ALM-01", "ALM-02", "ALM-03", "ALM-04");
        assertThat(rules.path("configuration").path("alm.notRunningMinMin").asText())
                .isEqualTo("30");
        assertThat(rules.path("enterprises")
                        .path("E2")
                        .path("alm.notRunningMinMin")
                        .asText())
                .isEqualTo("45");
        assertThat(rules.path("defaults").path("dq.offlineMin").asText()).isEqualTo("30");
    }
}
