package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.platform.ingest.IngestStats;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API over HTTP without a database: routing, tokens, every refusal of a bad request (all checked before the
 * database is asked, so a database that is not there shows it), failures of the database, the OpenAPI document.
 */
class HttpApiFailuresIT {

    private static final String TOKEN = "s3cret-token";
    private static final Instant NOW = Instant.parse("2026-03-01T00:15:00Z");
    private static final String DB_SECRET = "password authentication failed for user pollwatt-db-secret";

    private static final FailingDataSource DB = new FailingDataSource(() -> new SQLException(DB_SECRET));
    private static HttpApi api;
    private static Client client;

    @BeforeAll
    static void start() {
        Client.quietJetty();
        api = new HttpApi("127.0.0.1", 0, DB, new IngestStats(), Clock.fixed(NOW, ZoneOffset.UTC), TOKEN);
        client = new Client(api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void databaseFailsPlainly() {
        DB.failWith(() -> new SQLException(DB_SECRET));
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = Client.json(r);
        assertThat(body.path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("field")).as("field key present: %s", r.body()).isTrue();
        if (field == null) {
            assertThat(body.get("field").isNull()).as(r.body()).isTrue();
        } else {
            assertThat(body.path("field").asText()).as(r.body()).isEqualTo(field);
        }
    }

    static Stream<Arguments> bad_queries() {
        return Stream.of(
                Arguments.of("/api/quarantine?from=yesterday", "BAD_TIME", "from"),
                Arguments.of("/api/quarantine?from=2026-03-01T08:15:00", "BAD_TIME", "from"),
                Arguments.of("/api/quarantine?to=2026-13-01T08:15:00Z", "BAD_TIME", "to"),
                Arguments.of("/api/quarantine?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "BAD_RANGE", "to"),
                Arguments.of("/api/quarantine?limit=0", "BAD_LIMIT", "limit"),
                Arguments.of("/api/quarantine?limit=1001", "BAD_LIMIT", "limit"),
                Arguments.of("/api/quarantine?limit=ten", "BAD_LIMIT", "limit"),
                Arguments.of("/api/quarantine?mn=bad!mn", "BAD_MN", "mn"),
                Arguments.of("/api/quarantine?mnn=010000A8900016F000169DC0", "UNKNOWN_PARAMETER", "mnn"),
                Arguments.of("/api/records?from=2026-03-01T08:15:00%2B08:00", "BAD_TIME", "from"),
                Arguments.of("/api/records?to=08:15", "BAD_TIME", "to"),
                Arguments.of("/api/records?from=2026-03-01T09:00:00&to=2026-03-01T08:00:00", "BAD_RANGE", "to"),
                Arguments.of("/api/records?cn=20x1", "BAD_CN", "cn"),
                Arguments.of("/api/records?cn=1234", "UNKNOWN_CN", "cn"),
                Arguments.of("/api/records?limit=-5", "BAD_LIMIT", "limit"),
                Arguments.of("/api/records?mn=0123456789012345678901234", "BAD_MN", "mn"),
                Arguments.of("/api/records?cn=2011&cn=2061", "UNKNOWN_PARAMETER", "cn"),
                Arguments.of("/api/conflicts?limit=99999999999", "BAD_LIMIT", "limit"),
                Arguments.of("/api/conflicts?from=2026-03-01T00:00:00Z", "UNKNOWN_PARAMETER", "from"),
                Arguments.of("/api/devices?limit=0", "BAD_LIMIT", "limit"),
                Arguments.of("/api/devices/has%20space", "BAD_MN", "mn"),
                Arguments.of("/api/evidence/verify?mn=a.b", "BAD_MN", "mn"),
                Arguments.of("/api/evidence/verify?limit=5", "UNKNOWN_PARAMETER", "limit"));
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @MethodSource("bad_queries")
    void a_bad_query_is_refused_with_400_naming_the_parameter(String path, String code, String field) {
        assertError(client.get(path), 400, code, field);
    }

    static Stream<Arguments> bad_token_queries() {
        return Stream.of(
                Arguments.of("/api/evidence?from=2026-03-01", "BAD_TIME", "from"),
                Arguments.of("/api/evidence?limit=1001", "BAD_LIMIT", "limit"),
                Arguments.of("/api/evidence/export?to=later", "BAD_TIME", "to"),
                Arguments.of("/api/evidence/export?limit=10", "UNKNOWN_PARAMETER", "limit"),
                Arguments.of(
                        "/api/evidence/export?from=2026-03-02T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00",
                        "BAD_RANGE", "to"));
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @MethodSource("bad_token_queries")
    void a_bad_query_on_a_guarded_route_is_refused_with_400_once_the_token_is_right(
            String path, String code, String field) {
        assertError(client.get(path, TOKEN), 400, code, field);
    }

    static Stream<Arguments> bad_bodies() {
        return Stream.of(
                Arguments.of("application/json", "{\"mn\": \"010000A8900016F000169DC1\", \"pw\": ", "BAD_JSON", null),
                Arguments.of("application/json", "", "BAD_JSON", null),
                Arguments.of("application/json", "[1, 2]", "BAD_JSON", null),
                Arguments.of(
                        "application/json",
                        "{\"mn\":\"M1\",\"pw\":\"123456\",\"enterpriseId\":\"E1\"} x",
                        "BAD_JSON",
                        null),
                Arguments.of(
                        "application/json",
                        "{\"mn\": \"M1\", \"pw\": \"123456\", \"enterprise\": \"E1\"}",
                        "UNKNOWN_FIELD",
                        "enterprise"),
                Arguments.of(
                        "application/json",
                        "{\"mn\": {\"a\": 1}, \"pw\": \"123456\", \"enterpriseId\": \"E1\"}",
                        "BAD_JSON",
                        "mn"),
                Arguments.of(
                        "application/json", "{\"pw\": \"123456\", \"enterpriseId\": \"E1\"}", "MISSING_FIELD", "mn"),
                Arguments.of("application/json", "{\"mn\": \"M1\", \"enterpriseId\": \"E1\"}", "MISSING_FIELD", "pw"),
                Arguments.of("application/json", "{\"mn\": \"M1\", \"pw\": \"1\"}", "MISSING_FIELD", "enterpriseId"),
                Arguments.of(
                        "application/json",
                        "{\"mn\": \"M 1\", \"pw\": \"123456\", \"enterpriseId\": \"E1\"}",
                        "BAD_MN",
                        "mn"),
                Arguments.of(
                        "application/json",
                        "{\"mn\": \"M1\", \"pw\": \"1234567\", \"enterpriseId\": \"E1\"}",
                        "BAD_PW",
                        "pw"),
                Arguments.of(
                        "application/json",
                        "{\"mn\": \"M1\", \"pw\": \"12;456\", \"enterpriseId\": \"E1\"}",
                        "BAD_PW",
                        "pw"),
                Arguments.of(
                        "application/json",
                        "{\"mn\": \"M1\", \"pw\": \"123456\", \"enterpriseId\": \"   \"}",
                        "BAD_ENTERPRISE_ID",
                        "enterpriseId"),
                Arguments.of("text/plain", "{\"mn\": \"M1\"}", "UNSUPPORTED_MEDIA_TYPE", "Content-Type"),
                Arguments.of(null, "{\"mn\": \"M1\"}", "UNSUPPORTED_MEDIA_TYPE", "Content-Type"));
    }

    @ParameterizedTest(name = "{0} {1} → {2} ({3})")
    @MethodSource("bad_bodies")
    void a_bad_registration_is_refused_naming_the_field(String type, String body, String code, String field) {
        HttpResponse<String> r = client.send("POST", "/api/devices", "Bearer " + TOKEN, type, body);
        assertError(r, code.equals("UNSUPPORTED_MEDIA_TYPE") ? 415 : 400, code, field);
    }

    @Test
    void malformed_json_is_reported_with_its_line_and_column() {
        HttpResponse<String> r = client.send(
                "POST", "/api/devices", "Bearer " + TOKEN, "application/json", "{\n  \"mn\": \"M1\",\n  \"pw\" 1\n}");
        assertError(r, 400, "BAD_JSON", null);
        assertThat(Client.json(r).path("message").asText()).contains("line 3, column");
    }

    @Test
    void a_body_over_64_kib_is_refused_with_413() {
        String big = "{\"mn\": \"M1\", \"pw\": \"123456\", \"enterpriseId\": \"" + "E".repeat(70 * 1024) + "\"}";
        HttpResponse<String> r = client.send("POST", "/api/devices", "Bearer " + TOKEN, "application/json", big);
        assertError(r, 413, "BODY_TOO_LARGE", null);
    }

    @Test
    void a_refused_password_is_not_echoed() {
        HttpResponse<String> r = client.send(
                "POST",
                "/api/devices",
                "Bearer " + TOKEN,
                "application/json",
                "{\"mn\": \"M1\", \"pw\": \"topsecret99\", \"enterpriseId\": \"E1\"}");
        assertError(r, 400, "BAD_PW", "pw");
        assertThat(r.body()).doesNotContain("topsecret99");
    }

    static Stream<Arguments> guarded_routes() {
        return Stream.of(
                Arguments.of("POST", "/api/devices"),
                Arguments.of("DELETE", "/api/devices/010000A8900016F000169DC0"),
                Arguments.of("GET", "/api/evidence"),
                Arguments.of("GET", "/api/evidence/export"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("guarded_routes")
    void a_guarded_route_needs_the_bearer_token(String method, String path) {
        String body = method.equals("POST") ? "{\"mn\":\"M1\",\"pw\":\"123456\",\"enterpriseId\":\"E1\"}" : null;
        String type = body == null ? null : "application/json";
        for (String header : new String[] {null, "Bearer wrong-token", "Basic " + TOKEN, TOKEN, "Bearer "}) {
            HttpResponse<String> r = client.send(method, path, header, type, body);
            assertError(r, 401, "UNAUTHORIZED", "Authorization");
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        // with the token the request gets past the check and reaches the (absent) database
        assertError(client.send(method, path, "Bearer " + TOKEN, type, body), 500, "INTERNAL_ERROR", null);
        assertError(client.send(method, path, "bearer " + TOKEN, type, body), 500, "INTERNAL_ERROR", null);
    }

    @Test
    void an_unknown_route_is_404_and_a_wrong_method_405_both_as_json() {
        assertError(client.get("/api/nothing-here"), 404, "NOT_FOUND", null);
        assertError(client.get("/favicon.ico"), 404, "NOT_FOUND", null);
        assertError(client.send("PUT", "/api/devices", "Bearer " + TOKEN, null, null), 405, "METHOD_NOT_ALLOWED", null);
        assertError(client.send("POST", "/api/health", null, null, null), 405, "METHOD_NOT_ALLOWED", null);
    }

    @Test
    void a_database_failure_is_500_without_details_and_an_unreachable_database_503() {
        HttpResponse<String> r = client.get("/api/devices");
        assertError(r, 500, "INTERNAL_ERROR", null);
        assertThat(r.body()).doesNotContain("pollwatt-db-secret", "SQLException", "at io.", "java.");

        DB.failWith(() -> new SQLTransientConnectionException("pool timeout after 30000ms"));
        assertError(client.get("/api/records"), 503, "DATABASE_UNAVAILABLE", null);
    }

    @Test
    void health_is_503_down_when_the_database_does_not_answer() {
        HttpResponse<String> r = client.get("/api/health");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = Client.json(r);
        assertThat(body.path("status").asText()).isEqualTo("down");
        assertThat(body.path("database").asText()).isEqualTo("down");
        assertThat(body.path("time").asText()).isEqualTo("2026-03-01T00:15:00Z");
    }

    @Test
    void health_answers_503_within_its_timeout_when_the_database_hangs() {
        CountDownLatch release = new CountDownLatch(1);
        DB.hangUntil(release);
        try {
            for (int i = 0; i < 2; i++) { // the second probe shares the check still hanging
                long start = System.nanoTime();
                HttpResponse<String> r = client.get("/api/health");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(Client.json(r).path("status").asText()).isEqualTo("down");
                assertThat(took).isGreaterThanOrEqualTo(StatusEndpoints.HEALTH_TIMEOUT.minusMillis(100));
                assertThat(took).isLessThan(StatusEndpoints.HEALTH_TIMEOUT.plusSeconds(5));
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void stats_come_from_the_ingest_counters() {
        HttpResponse<String> r = client.get("/api/stats");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Client.json(r);
        for (String counter : List.of("accepted", "rejected", "quarantined", "records", "duplicates", "conflicts")) {
            assertThat(body.path(counter).isIntegralNumber()).as(counter).isTrue();
            assertThat(body.path(counter).asLong()).as(counter).isZero();
        }
        assertThat(body.path("time").asText()).isEqualTo("2026-03-01T00:15:00Z");
    }

    @Test
    void the_root_page_is_the_dashboard_and_loads_nothing_from_outside() {
        HttpResponse<String> r = client.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(StatusEndpoints.CONTENT_SECURITY_POLICY);
        assertThat(r.body())
                .contains("企业工况用电监控")
                .contains("src=\"/assets/vendor/uPlot.iife.min.js\"")
                .contains("src=\"/assets/js/main.js\"")
                .contains("href=\"/api/openapi.json\"")
                .doesNotContain("http://", "https://");
        for (String asset : List.of(
                "/assets/vendor/uPlot.iife.min.js",
                "/assets/vendor/uPlot.min.css",
                "/assets/dashboard.css",
                "/assets/js/main.js")) {
            assertThat(client.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        HttpResponse<String> module = client.get("/assets/js/main.js");
        assertThat(module.headers().firstValue("Content-Type")) // browsers run ES modules only with a script type
                .hasValueSatisfying(t -> assertThat(t).matches("(text|application)/javascript.*"));
        assertThat(module.headers().firstValue("Content-Security-Policy"))
                .hasValue(StatusEndpoints.CONTENT_SECURITY_POLICY);
        assertThat(client.get("/assets/js/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void the_openapi_document_describes_every_registered_route() {
        HttpResponse<String> r = client.get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Client.json(r);
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        List<String> missing = new ArrayList<>();
        List<HttpApi.Route> routes = api.routes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(14);
        for (HttpApi.Route route : routes) {
            JsonNode operation =
                    doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode() || !operation.has("responses")) {
                missing.add(route.method() + " " + route.path());
            }
        }
        assertThat(missing).as("routes missing from openapi.json").isEmpty();
        // and the document promises nothing the server does not serve
        List<String> extra = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
                    if (routes.stream()
                            .noneMatch(rt -> rt.path().equals(path.getKey())
                                    && rt.method().equalsIgnoreCase(m))) {
                        extra.add(m + " " + path.getKey());
                    }
                }));
        assertThat(extra)
                .as("operations in openapi.json the server does not serve")
                .isEmpty();
    }

    @Test
    void a_blank_token_or_bad_port_is_refused_at_construction() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new HttpApi("127.0.0.1", 0, DB, new IngestStats(), clock, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> new HttpApi("127.0.0.1", 70000, DB, new IngestStats(), clock, TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
