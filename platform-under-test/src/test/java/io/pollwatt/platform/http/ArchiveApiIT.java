package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.St;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive over HTTP, end to end: a site file imported through the API, a DTU of it sending over HJ 212, and the
 * enterprise's status, its points' latest values, series at 15 min, 1 h and 1 d, completeness and export.
 */
class ArchiveApiIT {

    private static final String TOKEN = "archive-test-token";
    private static final String MN = "0100000000000000000000E9";
    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 0, 0);
    private static final Clock CLOCK = Clock.fixed(T.plusMinutes(61).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
    private static final String SITE = """
            id: E9
            name: 测试纺织
            district: 临平区
            industry: 纺织
            shifts: ["08:00-20:00"]
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
              - id: P1
                name: 1#定型机
                kind: PROD
                meter: {ct: 200/5}
                load: {shape: STEADY, ratedKw: 55, pf: 0.85}
                limits: {pOnKw: 11, pRefKw: 55}
            devices:
              - {mn: "0100000000000000000000E9", pw: "123456", points: [M1, P1]}
            """;

    @TempDir
    static Path dataDir;

    private static Database db;
    private static IngestServer ingest;
    private static HttpApi api;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        Client.quietJetty();
        db = TestDatabases.open(dataDir);
        ingest = new IngestServer(
                "127.0.0.1", 0, Mode.LENIENT, db.dataSource(), new DeviceRegistry(db.dataSource(), CLOCK), CLOCK);
        api = new HttpApi("127.0.0.1", 0, db.dataSource(), ingest.stats(), CLOCK, TOKEN);
        client = new Client(api.port());
        HttpResponse<String> imported =
                client.send("POST", "/api/registry/import", "Bearer " + TOKEN, "application/yaml; charset=utf-8", SITE);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Client.json(imported).path("devices").asInt()).isEqualTo(1);
    }

    @AfterAll
    static void stop() {
        api.close();
        ingest.close();
        db.close();
        TestDatabases.discard(dataDir);
    }

    /** P1 is meter 02 of the DTU: P is g71302, the import register g71802. */
    private static byte[] record(int k) {
        return record(k, MN);
    }

    private static byte[] record(int k, String mn) {
        LocalDateTime at = T.plusMinutes(15L * k);
        Header h = Header.of(
                Qn.of(CLOCK.instant()
                        .atOffset(ZoneOffset.ofHours(8))
                        .toLocalDateTime()
                        .plusNanos(k * 1_000_000L)),
                St.FLUE_GAS_PROCESS,
                Cn.REALTIME_DATA,
                "123456",
                mn,
                Flag.of(true, false));
        return Hj212Codec.encode(Hj212Message.of(
                h,
                Cp.of(
                        CpItem.of("DataTime", Hj212Time.format(at)),
                        CpItem.of(
                                new CpPair("g71302-Rtd", k % 2 == 0 ? "40.0" : "44.0"), new CpPair("g71302-Flag", "N")),
                        CpItem.of(
                                new CpPair("g71802-Rtd", String.format("%d.00", 1000 + 10 * k)),
                                new CpPair("g71802-Flag", "N")),
                        CpItem.of(new CpPair("g71301-Rtd", "80.0"), new CpPair("g71301-Flag", "N")))));
    }

    private static void sendHour() throws Exception {
        try (Socket device = new Socket("127.0.0.1", ingest.address().getPort())) {
            OutputStream out = device.getOutputStream();
            for (int k = 0; k <= 4; k++) {
                out.write(record(k));
            }
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.stats().records() >= 5);
        }
    }

    private static JsonNode ok(String path) {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Client.json(r);
    }

    @Test
    void an_imported_enterprise_shows_its_status_points_series_and_completeness() throws Exception {
        assertThat(ok("/api/enterprises").path("items").get(0).path("online").asBoolean())
                .isFalse();
        sendHour();
        JsonNode list = ok("/api/enterprises?district=临平区&q=e9");
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("online").asBoolean()).isTrue();
        assertThat(ok("/api/enterprises?district=余杭区").path("items")).isEmpty();

        JsonNode e = ok("/api/enterprises/E9");
        JsonNode p1 = e.path("points").get(1);
        assertThat(p1.path("id").asText()).isEqualTo("P1");
        assertThat(p1.path("mn").asText()).isEqualTo(MN);
        assertThat(p1.path("meter").asInt()).isEqualTo(2);
        assertThat(p1.path("ct").asText()).isEqualTo("200/5");
        assertThat(p1.path("latest").path("dataTime").asText()).startsWith("2026-03-01T01:00");
        assertThat(p1.path("latest").path("values").path("P").asText()).isEqualTo("40.0");
        assertThat(e.path("points")
                        .get(0)
                        .path("latest")
                        .path("values")
                        .path("P")
                        .asText())
                .isEqualTo("80.0");

        JsonNode raw = ok("/api/series?enterprise=E9&point=P1&interval=15m&from=2026-03-01");
        assertThat(raw.path("items")).hasSize(5);
        assertThat(raw.path("items").get(1).path("values").path("EP_IMPORT").asText())
                .isEqualTo("1010.00");

        JsonNode hours = ok("/api/series?enterprise=E9&point=P1&interval=1h&from=2026-03-01");
        JsonNode h0 = hours.path("items").get(0);
        assertThat(h0.path("energy").path("published").decimalValue()).isEqualByComparingTo("40");
        assertThat(h0.path("energy").path("partial").asBoolean()).isFalse();
        assertThat(h0.path("valid").asBoolean()).isTrue();
        assertThat(h0.path("quantities").path("P").path("mean").decimalValue()).isEqualByComparingTo("42");
        assertThat(hours.path("items").get(1).path("valid").asBoolean()).isFalse(); // one record in 01:00

        JsonNode day = ok("/api/series?enterprise=E9&point=P1&interval=1d&from=2026-03-01")
                .path("items")
                .get(0);
        assertThat(day.path("records").asInt()).isEqualTo(5);
        assertThat(day.path("energy").path("published").isNull()).isTrue(); // no 24:00 reading yet
        assertThat(day.path("valid").asBoolean()).isFalse();

        JsonNode states = ok("/api/states?enterprise=E9&point=P1&from=2026-03-01");
        assertThat(states.path("kind").asText()).isEqualTo("PROD");
        assertThat(states.path("thresholds").path("pOn").asDouble()).isEqualTo(11.0); // entered
        assertThat(states.path("thresholds").path("derived").asBoolean()).isFalse();
        assertThat(states.path("thresholds").path("pHi").asDouble()).isCloseTo(60.5, within(1e-9)); // 1.1 × 55
        assertThat(states.path("states")).hasSize(96);
        assertThat(states.path("states").get(0).path("state").asText()).isEqualTo("RUN");
        assertThat(states.path("states").get(4).path("state").asText()).isEqualTo("RUN");
        assertThat(states.path("states").get(5).path("state").asText()).isEqualTo("NO_DATA");
        assertThat(states.path("days").get(0).path("runningHours").asDouble()).isEqualTo(1.25);
        assertThat(states.path("days").get(0).path("loadRate").asDouble()).isCloseTo(41.6 / 55, within(1e-9));

        JsonNode completeness = ok("/api/completeness?enterprise=E9&from=2026-03-01");
        assertThat(completeness.path("items")).hasSize(2);
        assertThat(completeness.path("items").get(1).path("point").asText()).isEqualTo("P1");
        assertThat(completeness.path("items").get(1).path("completeness").asDouble())
                .isEqualTo(5.0 / 96);
    }

    @Test
    void the_archive_exports_as_a_site_file_that_imports_again() {
        HttpResponse<String> export = client.get("/api/enterprises/E9/archive");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(export.body()).contains("id: \"E9\"").contains(MN).contains("200/5");
        HttpResponse<String> again =
                client.send("POST", "/api/registry/import", "Bearer " + TOKEN, "application/yaml", export.body());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Client.json(again).path("replaced").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_enterprise_is_gone_from_the_archive_and_its_devices_frames_are_quarantined() throws Exception {
        String mn = "0100000000000000000000E8";
        String site = SITE.replace("id: E9", "id: E8").replace(MN, mn);
        HttpResponse<String> imported =
                client.send("POST", "/api/registry/import", "Bearer " + TOKEN, "application/yaml", site);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ok("/api/devices/" + mn).path("enterpriseId").asText()).isEqualTo("E8");

        assertThat(client.send("DELETE", "/api/enterprises/E8", null, null, null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> deleted = client.send("DELETE", "/api/enterprises/E8", "Bearer " + TOKEN, null, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        JsonNode d = Client.json(deleted);
        assertThat(d.path("enterpriseId").asText()).isEqualTo("E8");
        assertThat(d.path("points").asInt()).isEqualTo(2);
        assertThat(d.path("devices").asInt()).isEqualTo(1);

        assertError("/api/enterprises/E8", 404, "UNKNOWN_ENTERPRISE", "id");
        assertError("/api/devices/" + mn, 404, "UNKNOWN_MN", "mn");
        assertThat(ok("/api/enterprises").path("items").findValuesAsText("id")).doesNotContain("E8");
        long quarantined = ingest.stats().quarantined();
        try (Socket device = new Socket("127.0.0.1", ingest.address().getPort())) {
            device.getOutputStream().write(record(0, mn));
            device.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.stats().quarantined() > quarantined);
        }
        HttpResponse<String> again = client.send("DELETE", "/api/enterprises/E8", "Bearer " + TOKEN, null, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Client.json(again).path("code").asText()).isEqualTo("UNKNOWN_ENTERPRISE");
        // E9 is untouched
        assertThat(ok("/api/enterprises/E9").path("points").size()).isEqualTo(2);
    }

    @Test
    void bad_imports_and_bad_series_requests_are_refused_naming_what_and_where() {
        HttpResponse<String> bad = client.send(
                "POST",
                "/api/registry/import",
                "Bearer " + TOKEN,
                "application/yaml",
                SITE.replace("district:", "distrikt:"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = Client.json(bad);
        assertThat(body.path("code").asText()).isEqualTo("BAD_SITE_FILE");
        // every problem, each at its place: the unknown key, and the district the mapping now lacks
        assertThat(body.path("field").asText()).isEqualTo("body:1:1");
        assertThat(body.path("message").asText())
                .contains("2 problem(s)")
                .contains("body:3:1")
                .contains("distrikt");

        assertThat(client.send("POST", "/api/registry/import", null, "application/yaml", SITE)
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.send("POST", "/api/registry/import", "Bearer " + TOKEN, "application/json", "{}")
                        .statusCode())
                .isEqualTo(415);

        assertError("/api/series?enterprise=E9&point=P1&interval=5m&from=2026-03-01", 400, "BAD_INTERVAL", "interval");
        assertError("/api/series?enterprise=E9&point=P9&from=2026-03-01", 404, "UNKNOWN_POINT", "point");
        assertError("/api/series?enterprise=E0&point=P1&from=2026-03-01", 404, "UNKNOWN_ENTERPRISE", "id");
        assertError("/api/series?enterprise=E9&point=P1&from=2026-03-01&to=2026-05-01", 400, "RANGE_TOO_LONG", "to");
        assertError("/api/series?enterprise=E9&point=P1&from=1.3.2026", 400, "BAD_TIME", "from");
        assertError("/api/enterprises/E0", 404, "UNKNOWN_ENTERPRISE", "id");
    }

    private static void assertError(String path, int status, String code, String field) {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Client.json(r).path("code").asText()).isEqualTo(code);
        assertThat(Client.json(r).path("field").asText()).isEqualTo(field);
    }
}
