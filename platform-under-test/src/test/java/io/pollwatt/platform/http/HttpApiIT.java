package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API on a real (embedded) PostgreSQL holding what the real ingest stored: a device sends uploads, a resend, a
 * conflicting value, an hourly upload; a stranger is quarantined; a damaged frame is rejected. One database and one
 * set of frames for the whole class; tests that write (devices, tampering) use their own MNs or restore what they
 * changed.
 */
class HttpApiIT {

    private static final String TOKEN = "it-token-0123456789";
    private static final String MN = Messages.MN;
    private static final String STRANGER = "0100000000000000000000FF";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 8, 0);

    @TempDir
    static Path dataDir;

    private static final MovableClock CLOCK = new MovableClock(T0);
    private static Database db;
    private static IngestServer ingest;
    private static HttpApi api;
    private static Client client;
    private static Socket device;
    /** The frames sent, in order; frame i was received at T0 + i minutes. */
    private static final List<byte[]> FRAMES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Client.quietJetty();
        db = TestDatabases.open(dataDir);
        new DeviceRegistry(db.dataSource(), CLOCK).register(MN, "123456", "E001");
        ingest = new IngestServer(
                "127.0.0.1", 0, Mode.LENIENT, db.dataSource(), new DeviceRegistry(db.dataSource(), CLOCK), CLOCK);
        api = new HttpApi("127.0.0.1", 0, db.dataSource(), ingest.stats(), CLOCK, TOKEN);
        client = new Client(api.port());
        device = new Socket("127.0.0.1", ingest.address().getPort());

        byte[] at0800 = Hj212Codec.encode(Messages.electricity2011(2, T));
        sendAcknowledged(at0800); // 0
        sendAcknowledged(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15)))); // 1
        sendAcknowledged(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(30)))); // 2
        sendAcknowledged(at0800); // 3: a resend
        sendAcknowledged(edit(
                Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15))),
                "g70101-Rtd=10.01",
                "g70101-Rtd=99.99")); // 4: a conflicting value
        send(edit(at0800, "MN=" + MN, "MN=" + STRANGER), () -> ingest.stats().quarantined()); // 5
        byte[] badCrc = at0800.clone();
        badCrc[badCrc.length - 3] = (byte) (badCrc[badCrc.length - 3] == '0' ? '1' : '0');
        send(badCrc, () -> ingest.stats().rejected()); // 6
        sendAcknowledged(Hj212Codec.encode(Messages.flueGas2061(T))); // 7: hourly data, another CN
    }

    @AfterAll
    static void stop() throws IOException {
        if (device != null) {
            device.close();
        }
        if (api != null) {
            api.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (db != null) {
            db.close();
            TestDatabases.discard(dataDir);
        }
    }

    /** Sends the next frame at its receipt time and waits for the 9014 that says it is stored. */
    private static void sendAcknowledged(byte[] frame) throws IOException {
        CLOCK.set(T0.plus(Duration.ofMinutes(FRAMES.size())));
        FRAMES.add(frame);
        device.getOutputStream().write(frame);
        device.getOutputStream().flush();
        // the platform may send its own commands first (1012 when the device's QN is off its clock)
        String line = readLine(device.getInputStream());
        while (line.contains("CN=1012") || line.contains("CN=2051")) {
            line = readLine(device.getInputStream());
        }
        assertThat(line).contains("CN=9014");
    }

    /** Sends the next frame, which is not acknowledged, and waits until {@code counter} counts it. */
    private static void send(byte[] frame, LongSupplier counter) throws IOException {
        long before = counter.getAsLong();
        CLOCK.set(T0.plus(Duration.ofMinutes(FRAMES.size())));
        FRAMES.add(frame);
        device.getOutputStream().write(frame);
        device.getOutputStream().flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> counter.getAsLong() == before + 1);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The frame with one piece of its segment replaced, length and CRC made right again. */
    private static byte[] edit(byte[] frame, String from, String to) {
        String text = new String(frame, StandardCharsets.US_ASCII);
        String segment = text.substring(6, text.length() - 6);
        assertThat(segment).contains(from);
        return FrameWriter.frame(segment.replace(from, to));
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Client.json(r);
    }

    private static JsonNode error(HttpResponse<String> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = Client.json(r);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("field").asText()).isEqualTo(field);
        return body;
    }

    private static String at(int frame) {
        return T0.plus(Duration.ofMinutes(frame)).toString();
    }

    @Test
    void health_is_up_when_the_database_answers() {
        JsonNode body = ok(client.get("/api/health"));
        assertThat(body.path("status").asText()).isEqualTo("up");
        assertThat(body.path("database").asText()).isEqualTo("up");
    }

    @Test
    void stats_are_the_ingest_counters() {
        JsonNode body = ok(client.get("/api/stats"));
        assertThat(body.path("accepted").asLong())
                .isEqualTo(ingest.stats().accepted())
                .isGreaterThanOrEqualTo(6);
        assertThat(body.path("rejected").asLong()).isEqualTo(1);
        assertThat(body.path("quarantined").asLong()).isEqualTo(1);
        assertThat(body.path("records").asLong())
                .isEqualTo(ingest.stats().records())
                .isGreaterThanOrEqualTo(3 + 1); // three 2011 records and one 2061 (and what other tests send)
        assertThat(body.path("duplicates").asLong()).isEqualTo(1); // the resend; the conflicting one is not
        assertThat(body.path("conflicts").asLong()).isEqualTo(1);
        assertThat(body.path("timeCalibrations").asLong())
                .isEqualTo(ingest.stats().timeCalibrations());
    }

    @Test
    void devices_are_listed_and_shown_without_their_password() {
        JsonNode list = ok(client.get("/api/devices"));
        JsonNode first = list.path("items").get(0);
        assertThat(list.path("items").findValuesAsText("mn")).contains(MN);
        assertThat(list.path("more").asBoolean()).isFalse();
        assertThat(list.path("limit").asInt()).isEqualTo(100);
        assertThat(first.has("pw")).isFalse();
        assertThat(first.path("pwSet").asBoolean()).isTrue();

        JsonNode one = ok(client.get("/api/devices/" + MN));
        assertThat(one.path("mn").asText()).isEqualTo(MN);
        assertThat(one.path("enterpriseId").asText()).isEqualTo("E001");
        assertThat(one.path("registeredAt").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(one.path("pwSet").asBoolean()).isTrue();
        assertThat(client.get("/api/devices/" + MN).body()).doesNotContain("123456");

        error(client.get("/api/devices/0100000000000000000000AA"), 404, "UNKNOWN_MN", "mn");
    }

    @Test
    void a_device_registered_through_the_api_is_accepted_by_the_ingest_and_can_be_removed() throws Exception {
        String mn = "0100000000000000000000B1";
        String body = "{\"mn\": \"" + mn + "\", \"pw\": \"654321\", \"enterpriseId\": \"E002\"}";
        HttpResponse<String> created = client.send("POST", "/api/devices", "Bearer " + TOKEN, "application/json", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/devices/" + mn);
        assertThat(Client.json(created).path("pwSet").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("654321");

        HttpResponse<String> again = client.send(
                "POST",
                "/api/devices",
                "Bearer " + TOKEN,
                "application/json; charset=utf-8",
                body.replace("E002", "E003"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ok(client.get("/api/devices/" + mn)).path("enterpriseId").asText())
                .isEqualTo("E003");

        // the ingest takes its frames now, with the password registered through the API
        try (Socket other = new Socket("127.0.0.1", ingest.address().getPort())) {
            byte[] frame = edit(
                    edit(Hj212Codec.encode(Messages.electricity2011(1, T)), "MN=" + MN, "MN=" + mn),
                    "PW=123456",
                    "PW=654321");
            other.getOutputStream().write(frame);
            other.getOutputStream().flush();
            assertThat(readLine(other.getInputStream())).contains("CN=9014");
        }
        JsonNode records = ok(client.get("/api/records?mn=" + mn));
        assertThat(records.path("items")).hasSize(1);

        assertThat(client.send("DELETE", "/api/devices/" + mn, "Bearer " + TOKEN, null, null)
                        .statusCode())
                .isEqualTo(204);
        error(client.get("/api/devices/" + mn), 404, "UNKNOWN_MN", "mn");
        error(client.send("DELETE", "/api/devices/" + mn, "Bearer " + TOKEN, null, null), 404, "UNKNOWN_MN", "mn");
    }

    @Test
    void quarantine_lists_the_strangers_frame_with_its_reason_and_evidence() {
        JsonNode page = ok(client.get("/api/quarantine"));
        assertThat(page.path("items")).hasSize(1);
        JsonNode q = page.path("items").get(0);
        assertThat(q.path("mn").asText()).isEqualTo(STRANGER);
        assertThat(q.path("reason").asText()).isEqualTo("UNKNOWN_MN");
        assertThat(q.path("receivedAt").asText()).isEqualTo(at(5));

        JsonNode evidence =
                ok(client.get("/api/evidence?mn=" + STRANGER, TOKEN)).path("items");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).path("id").asLong())
                .isEqualTo(q.path("evidenceId").asLong());
        assertThat(evidence.get(0).path("verdict").asText()).isEqualTo("QUARANTINED");
        assertThat(evidence.get(0).path("code").asText()).isEqualTo("UNKNOWN_MN");

        assertThat(ok(client.get("/api/quarantine?mn=" + STRANGER + "&from=" + at(5) + "&to=" + at(6)))
                        .path("items"))
                .hasSize(1);
        assertThat(ok(client.get("/api/quarantine?to=" + at(5))).path("items")).isEmpty();
        assertThat(ok(client.get("/api/quarantine?mn=" + MN)).path("items")).isEmpty();
    }

    @Test
    void evidence_lists_frames_newest_first_with_raw_text_base64_and_the_hash_chain() {
        JsonNode page = ok(client.get("/api/evidence?mn=" + MN, TOKEN));
        JsonNode items = page.path("items");
        assertThat(items).hasSize(6); // frames 0, 1, 2, 3, 4, 7
        int[] frames = {7, 4, 3, 2, 1, 0};
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            byte[] sent = FRAMES.get(frames[i]);
            assertThat(e.path("receivedAt").asText()).isEqualTo(at(frames[i]));
            assertThat(e.path("verdict").asText()).isEqualTo("ACCEPTED");
            assertThat(e.path("code").isNull()).isTrue();
            assertThat(e.path("peer").asText()).contains("127.0.0.1");
            assertThat(Base64.getDecoder().decode(e.path("rawBase64").asText())).isEqualTo(sent);
            String text = new String(sent, StandardCharsets.US_ASCII);
            assertThat(e.path("raw").asText()).isEqualTo(text.replace("\r\n", "\\r\\n"));
            assertThat(e.path("hash").asText()).matches("[0-9a-f]{64}");
            if (i + 1 < items.size()) {
                assertThat(e.path("id").asLong())
                        .isGreaterThan(items.get(i + 1).path("id").asLong());
                assertThat(e.path("prevHash").asText())
                        .isEqualTo(items.get(i + 1).path("hash").asText());
            } else {
                assertThat(e.path("prevHash").isNull()).isTrue();
            }
        }

        JsonNode two = ok(client.get("/api/evidence?mn=" + MN + "&limit=2", TOKEN));
        assertThat(two.path("items")).hasSize(2);
        assertThat(two.path("more").asBoolean()).isTrue();

        JsonNode rejected = ok(client.get("/api/evidence?from=" + at(6) + "&to=" + at(7), TOKEN))
                .path("items");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("mn").isNull()).isTrue();
        assertThat(rejected.get(0).path("verdict").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get(0).path("code").asText()).isEqualTo("BAD_CRC");
    }

    @Test
    void export_streams_ndjson_oldest_first_within_the_half_open_range() throws Exception {
        HttpResponse<String> r = client.get("/api/evidence/export?mn=" + MN + "&from=" + at(1) + "&to=" + at(4), TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        String[] lines = r.body().split("\n");
        assertThat(r.body()).endsWith("\n");
        assertThat(lines).hasSize(3); // frames 1, 2, 3; frame 4 is at 'to', excluded
        for (int i = 0; i < lines.length; i++) {
            JsonNode e = Client.JSON.readTree(lines[i]);
            assertThat(e.path("receivedAt").asText()).isEqualTo(at(1 + i));
            assertThat(Base64.getDecoder().decode(e.path("rawBase64").asText())).isEqualTo(FRAMES.get(1 + i));
        }

        // a receiver can check the chain of the file alone: each line's hash from its predecessor's and its content
        String whole = client.get("/api/evidence/export?mn=" + MN, TOKEN).body();
        byte[] prev = null;
        for (String line : whole.split("\n")) {
            JsonNode e = Client.JSON.readTree(line);
            byte[] hash = EvidenceChain.hash(
                    prev,
                    Instant.parse(e.path("receivedAt").asText()),
                    e.path("verdict").asText(),
                    Base64.getDecoder().decode(e.path("rawBase64").asText()));
            assertThat(e.path("hash").asText())
                    .isEqualTo(java.util.HexFormat.of().formatHex(hash));
            prev = hash;
        }

        String everything = client.get("/api/evidence/export", TOKEN).body();
        assertThat(everything.split("\n")).hasSize((int) count("select count(*) from evidence"));
        // the offset form of the same instant selects the same
        String shanghai = T0.plus(Duration.ofMinutes(1))
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toOffsetDateTime()
                .toString();
        assertThat(shanghai).endsWith("+08:00");
        String same = client.get(
                        "/api/evidence/export?mn=" + MN + "&from=" + shanghai.replace("+", "%2B") + "&to=" + at(4),
                        TOKEN)
                .body();
        assertThat(same).isEqualTo(r.body());
    }

    @Test
    void verify_reports_intact_chains_and_the_first_tampered_entry() throws Exception {
        JsonNode intact = ok(client.get("/api/evidence/verify?mn=" + MN));
        assertThat(intact.path("ok").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("checked").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(intact.path("broken").isNull()).isTrue();

        JsonNode all = ok(client.get("/api/evidence/verify"));
        assertThat(all.path("ok").asBoolean()).as(all.toString()).isTrue();
        assertThat(all.path("chains").findValuesAsText("mn")).contains("", MN, STRANGER);

        long[] ids = ids(MN);
        long victim = ids[2];
        byte[] raw = bytes("select raw from evidence where id = " + victim);
        byte[] hash = bytes("select hash from evidence where id = " + victim);
        byte[] altered = new String(raw, StandardCharsets.US_ASCII)
                .replace("g70101-Rtd=10.01", "g70101-Rtd=10.02")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            update("update evidence set raw = ? where id = " + victim, altered);
            JsonNode broken = ok(client.get("/api/evidence/verify?mn=" + MN));
            assertThat(broken.path("ok").asBoolean()).isFalse();
            assertThat(broken.path("checked").asLong()).isEqualTo(3);
            JsonNode at = broken.path("broken");
            assertThat(at.path("evidenceId").asLong()).isEqualTo(victim);
            assertThat(at.path("what").asText()).isEqualTo("hash");
            assertThat(at.path("stored").asText())
                    .isEqualTo(java.util.HexFormat.of().formatHex(hash));
            assertThat(at.path("expected").asText())
                    .matches("[0-9a-f]{64}")
                    .isNotEqualTo(at.path("stored").asText());
            assertThat(ok(client.get("/api/evidence/verify")).path("ok").asBoolean())
                    .isFalse();
        } finally {
            update("update evidence set raw = ? where id = " + victim, raw);
        }
        assertThat(ok(client.get("/api/evidence/verify?mn=" + MN)).path("ok").asBoolean())
                .isTrue();

        // a whole entry rewritten with a fresh hash of its own still breaks the link to its successor
        byte[] prev = bytes("select prev_hash from evidence where id = " + victim);
        try {
            update("update evidence set prev_hash = ? where id = " + victim, hash);
            JsonNode at = ok(client.get("/api/evidence/verify?mn=" + MN)).path("broken");
            assertThat(at.path("evidenceId").asLong()).isEqualTo(victim);
            assertThat(at.path("what").asText()).isEqualTo("prevHash");
            assertThat(at.path("expected").asText())
                    .isEqualTo(java.util.HexFormat.of().formatHex(prev));
        } finally {
            update("update evidence set prev_hash = ? where id = " + victim, prev);
        }
        assertThat(ok(client.get("/api/evidence/verify?mn=" + MN)).path("ok").asBoolean())
                .isTrue();

        error(client.get("/api/evidence/verify?mn=0100000000000000000000AA"), 404, "UNKNOWN_MN", "mn");
    }

    @Test
    void records_are_grouped_per_cn_and_data_time_newest_first_with_literal_values() {
        JsonNode items = ok(client.get("/api/records?mn=" + MN)).path("items");
        assertThat(items).hasSize(4);
        assertThat(items.findValuesAsText("dataTime"))
                .containsExactly(
                        "2026-03-01T08:30:00", "2026-03-01T08:15:00", "2026-03-01T08:00:00", "2026-03-01T08:00:00");
        assertThat(items.findValuesAsText("cn")).containsExactly("2011", "2011", "2011", "2061");
        JsonNode at0815 = items.get(1);
        assertThat(at0815.path("mn").asText()).isEqualTo(MN);
        assertThat(at0815.path("values")).hasSize(16);
        assertThat(at0815.path("values").path("g70101-Rtd").asText()).isEqualTo("10.01"); // the first value stays
        assertThat(at0815.path("values").path("g70101-Flag").asText()).isEqualTo("N");
        assertThat(items.get(3).path("values").path("a21026-Avg").asText()).isEqualTo("20.50"); // text, not 20.5

        JsonNode hourly = ok(client.get("/api/records?mn=" + MN + "&cn=2061")).path("items");
        assertThat(hourly).hasSize(1);
        assertThat(hourly.get(0).path("values")).hasSize(40);

        JsonNode range = ok(client.get("/api/records?mn=" + MN + "&from=2026-03-01T08:15:00&to=2026-03-01T08:30:00"))
                .path("items");
        assertThat(range.findValuesAsText("dataTime")).containsExactly("2026-03-01T08:15:00");

        JsonNode one = ok(client.get("/api/records?mn=" + MN + "&limit=1"));
        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("items").get(0).path("values")).hasSize(16); // limit counts groups, not rows
        assertThat(one.path("more").asBoolean()).isTrue();

        assertThat(ok(client.get("/api/records?mn=" + STRANGER)).path("items")).isEmpty();
    }

    @Test
    void conflicts_show_the_stored_and_the_refused_value() {
        JsonNode items = ok(client.get("/api/conflicts?mn=" + MN)).path("items");
        assertThat(items).hasSize(1);
        JsonNode c = items.get(0);
        assertThat(c.path("cn").asText()).isEqualTo("2011");
        assertThat(c.path("dataTime").asText()).isEqualTo("2026-03-01T08:15:00");
        assertThat(c.path("name").asText()).isEqualTo("g70101-Rtd");
        assertThat(c.path("storedValue").asText()).isEqualTo("10.01");
        assertThat(c.path("conflictingValue").asText()).isEqualTo("99.99");
        assertThat(c.path("receivedAt").asText()).isEqualTo(at(4));
        assertThat(ok(client.get("/api/conflicts?mn=" + STRANGER)).path("items"))
                .isEmpty();
    }

    private static long[] ids(String mn) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select id from evidence where mn = ? order by id")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static byte[] bytes(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(String sql, byte[] value) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, value);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** A clock the test moves; the ingest and the API read it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
