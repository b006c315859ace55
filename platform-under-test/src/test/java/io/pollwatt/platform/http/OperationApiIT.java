package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enterprise's daily operating statistics over HTTP (ST-08, ST-09): a primary/backup group, a switch-over, the
 * backup off for 30 min and silent for 30 min, and the primary's meter frozen (DQ-12), over stored records.
 */
class OperationApiIT {

    private static final String TOKEN = "operation-test-token";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 0, 0);
    private static final Clock CLOCK =
            Clock.fixed(DAY.plusDays(1).plusHours(12).atZone(ZONE).toInstant(), ZONE);
    private static final String MN = "0100000000000000000000C3";
    private static final String SITE = """
            id: E3
            name: 测试涂装
            district: 余杭区
            industry: 涂装
            points:
              - {id: P1, name: 喷涂线, kind: PROD, meter: {ct: 200/5}, limits: {pOnKw: 10, pRefKw: 50}}
              - {id: T1, name: 主风机, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
              - {id: T2, name: 备风机, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
            groups:
              - {id: G1, members: [T1, T2], required: 1}
            associations:
              - {production: [P1], groups: G1}
            devices:
              - {mn: "0100000000000000000000C3", pw: "123456", points: [P1, T1, T2]}
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
        archive.importArchive(ArchiveReader.parse("E3.yaml", SITE));
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("select pollwatt_month_partition('record', timestamp '2026-03-01', false)");
            try (PreparedStatement ps = c.prepareStatement("insert into record (mn, cn, data_time, cp, received_at)"
                    + " values (?, '2011', ?, ?::jsonb, ?)")) {
                // 2026-03-01 all off (warm-up); 2026-03-02 by sample k of the day:
                // P1 runs 02:00-12:00 (k 8..47); T1 runs k 8..27, frozen at 20.0 over k 8..19 (DQ-12);
                // T2 takes over at k 29 (one OFF sample at k 28: a switch-over), is off at k 36..37 and silent at
                // k 40..41, runs until k 47
                for (int k = -96; k < 96; k++) {
                    boolean day = k >= 0;
                    double p1 = day && k >= 8 && k < 48 ? 50 + k % 2 : 0;
                    double t1 = !day || k < 8 || k >= 28 ? 0 : k < 20 ? 20 : 21 - k % 2;
                    double t2 = day && k >= 29 && k < 48 && !(k >= 36 && k < 38) ? 20 + k % 2 : 0;
                    List<String> cp = new ArrayList<>();
                    cp.add(value("g71301", p1));
                    cp.add(value("g71302", t1));
                    if (!(k >= 40 && k < 42)) {
                        cp.add(value("g71303", t2));
                    }
                    ps.setString(1, MN);
                    ps.setObject(2, DAY.plusMinutes(15L * k));
                    ps.setString(3, "{" + String.join(",", cp) + "}");
                    ps.setTimestamp(4, Timestamp.from(CLOCK.instant()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        api = new HttpApi("127.0.0.1", 0, db.dataSource(), new IngestStats(), CLOCK, TOKEN, RuleConfig.defaults());
        client = new Client(api.port());
    }

    private static String value(String code, double kw) {
        return String.format(Locale.ROOT, "\"%s-Rtd\":\"%.1f\"", code, kw);
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

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    @Test
    void daysGiveGroupStatesStatisticsAndTheSynchronousRate() {
        JsonNode body = ok(client.get("/api/enterprises/E3/operation?from=2026-03-02&to=2026-03-03"));
        assertThat(body.path("enterprise").asText()).isEqualTo("E3");
        assertThat(body.path("intervalMinutes").asInt()).isEqualTo(15);
        assertThat(body.path("days")).hasSize(2);
        JsonNode d = body.path("days").get(0);
        assertThat(d.path("day").asText()).isEqualTo("2026-03-02");

        JsonNode g = byId(d.path("groups"), "G1");
        assertThat(g.path("members").toString()).isEqualTo("[\"T1\",\"T2\"]");
        assertThat(g.path("required").asInt()).isEqualTo(1);
        // T1's frozen meter is NO_DATA from DQ-12's raising sample (k 15) until the value moves (k 20); the
        // switch-over at k 28 is RUN; T2 off at k 36..37, silent at k 40..41
        assertThat(g.path("states").asText())
                .isEqualTo("O".repeat(8) + "R".repeat(7) + "-".repeat(5) + "R".repeat(16) + "OO" + "RR" + "--"
                        + "R".repeat(6) + "O".repeat(48));
        assertThat(g.path("runningHours").asDouble()).isEqualTo(7.75);
        assertThat(g.path("lowHours").asDouble()).isEqualTo(0.0);
        assertThat(g.path("starts").asInt()).isEqualTo(2);
        assertThat(g.path("stops").asInt()).isEqualTo(2);

        // 40 production samples, 7 without group data, 2 with the group off
        JsonNode rate = d.path("synchronousRate");
        assertThat(rate.path("productionSamples").asInt()).isEqualTo(33);
        assertThat(rate.path("synchronousSamples").asInt()).isEqualTo(31);
        assertThat(rate.path("rate").asDouble()).isCloseTo(31.0 / 33, within(1e-12));

        JsonNode p1 = byId(d.path("points"), "P1");
        assertThat(p1.path("kind").asText()).isEqualTo("PROD");
        assertThat(p1.path("runningHours").asDouble()).isEqualTo(10.0);
        assertThat(p1.path("starts").asInt()).isEqualTo(1);
        assertThat(p1.path("stops").asInt()).isEqualTo(1);
        assertThat(p1.path("loadRate").asDouble()).isCloseTo(50.5 / 50, within(1e-9));
        JsonNode t1 = byId(d.path("points"), "T1");
        assertThat(t1.path("runningHours").asDouble()).isEqualTo(3.75);
        assertThat(t1.path("starts").asInt()).isEqualTo(1); // RUN, NO_DATA…, RUN is no new start
        assertThat(t1.path("stops").asInt()).isEqualTo(1);
        JsonNode t2 = byId(d.path("points"), "T2");
        assertThat(t2.path("runningHours").asDouble()).isEqualTo(3.75);
        assertThat(t2.path("starts").asInt()).isEqualTo(2);
        assertThat(t2.path("stops").asInt()).isEqualTo(2);

        // 2026-03-03: nothing stored, nothing ran
        JsonNode next = body.path("days").get(1);
        assertThat(next.path("synchronousRate").path("rate").isNull()).isTrue();
        assertThat(next.path("synchronousRate").path("productionSamples").asInt())
                .isZero();
        assertThat(byId(next.path("groups"), "G1").path("states").asText()).isEqualTo("-".repeat(96));
        assertThat(byId(next.path("points"), "P1").path("loadRate").isNull()).isTrue();
    }

    @Test
    void toDefaultsToFrom() {
        JsonNode body = ok(client.get("/api/enterprises/E3/operation?from=2026-03-02"));
        assertThat(body.path("days")).hasSize(1);
        assertThat(body.path("days")
                        .get(0)
                        .path("synchronousRate")
                        .path("synchronousSamples")
                        .asInt())
                .isEqualTo(31);
    }

    @Test
    void badQueriesNameTheirParameter() {
        assertError(client.get("/api/enterprises/NOPE/operation?from=2026-03-02"), 404, "UNKNOWN_ENTERPRISE", "id");
        assertError(client.get("/api/enterprises/E3/operation?from=yesterday"), 400, "BAD_TIME", "from");
        assertError(
                client.get("/api/enterprises/E3/operation?from=2026-03-01&to=2026-04-01"), 400, "RANGE_TOO_LONG", "to");
        assertError(
                client.get("/api/enterprises/E3/operation?from=2026-03-02&point=P1"),
                400,
                "UNKNOWN_PARAMETER",
                "point");
        assertError(client.get("/api/enterprises/E3/operation"), 400, "MISSING_FIELD", "from");
        assertError(client.get("/api/enterprises/E3/operation?from=2026-03-03&to=2026-03-02"), 400, "BAD_RANGE", "to");
    }
}
