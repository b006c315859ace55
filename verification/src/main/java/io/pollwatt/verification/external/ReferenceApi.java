package io.pollwatt.verification.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.verification.testbed.PlatformStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A client of the reference REST contract (docs/api.md): the calls the scenario catalogue and platform certification
 * make of a platform under test, ours or another's. Answers are read leniently (a platform may add fields) but must
 * have the contract's shape; anything else fails with the request and what was wrong.
 */
public final class ReferenceApi {

    /** How long one request may take: a platform that does not answer in this time is broken for the testbed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The contract's largest page. */
    static final int PAGE = 1000;

    /** The contract's longest range of days per series request. */
    static final int MAX_DAYS = 31;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param base the API's base, e.g. {@code http://host:8080/} (a trailing {@code /api} is accepted too)
     * @param token the bearer token of the write endpoints
     */
    public ReferenceApi(URI base, String token) {
        String b = base.toString();
        b = b.endsWith("/") ? b : b + "/";
        b = b.endsWith("/api/") ? b.substring(0, b.length() - 4) : b;
        this.base = URI.create(b);
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The API's base URI. */
    public URI base() {
        return base;
    }

    /** {@code GET /api/health}: whether the platform answers {@code status: up}. */
    public boolean healthy() {
        try {
            return "up".equals(get("api/health", Map.of()).path("status").asText());
        } catch (PlatformStoreException e) {
            return false;
        }
    }

    /** {@code POST /api/registry/import}: registers a site file's archive (备案) and its devices. */
    public JsonNode importSite(String yaml) {
        return send(
                "POST",
                "api/registry/import",
                "application/yaml",
                HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8));
    }

    /** {@code POST /api/devices}: registers (or re-registers) one device for an enterprise. */
    public JsonNode registerDevice(String mn, String pw, String enterpriseId) {
        ObjectNode body = MAPPER.createObjectNode().put("mn", mn).put("pw", pw).put("enterpriseId", enterpriseId);
        return send("POST", "api/devices", "application/json", HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /**
     * {@code GET /api/clock}: whether the platform runs on a clock the testbed may set ({@code PUT /api/clock}); false
     * also when the platform does not offer the endpoint.
     */
    public boolean clockSettable() {
        return getUnlessMissing("api/clock", Map.of())
                .map(c -> c.path("settable").asBoolean(false))
                .orElse(false);
    }

    /** {@code PUT /api/clock}: sets the platform's test clock and, when {@code judge}, has it judge once. */
    public void setClock(Instant now, boolean judge) {
        ObjectNode body = MAPPER.createObjectNode().put("now", now.toString()).put("judge", judge);
        send("PUT", "api/clock", "application/json", HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** {@code GET /api/stats}: the ingest counters. */
    public JsonNode stats() {
        return get("api/stats", Map.of());
    }

    /** {@code GET /api/alarms?enterprise=}: every alarm of the enterprise, all pages. */
    public List<Alarm> alarms(String enterprise) {
        List<Alarm> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("enterprise", enterprise);
            q.put("limit", Integer.toString(PAGE));
            q.put("offset", Integer.toString(offset));
            JsonNode page = get("api/alarms", q);
            out.addAll(read(page.path("items"), new TypeReference<List<Alarm>>() {}, "api/alarms items"));
            if (!page.path("more").asBoolean(false)) {
                return out;
            }
        }
    }

    /**
     * {@code GET /api/series?interval=15m}: the point's records of the days {@code first} … {@code last}; empty when
     * the platform answers that it has no such point ({@code 404}).
     */
    public Optional<List<PointSeries.Sample>> records(
            String enterprise, String point, LocalDate first, LocalDate last) {
        List<PointSeries.Sample> out = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(MAX_DAYS)) {
            LocalDate to = from.plusDays(MAX_DAYS - 1).isAfter(last) ? last : from.plusDays(MAX_DAYS - 1);
            Optional<JsonNode> page = series(enterprise, point, "15m", from, to);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(
                    read(page.get().path("items"), new TypeReference<List<PointSeries.Sample>>() {}, "series items"));
        }
        return Optional.of(out);
    }

    /** {@code GET /api/series?interval=1d}: the point's day aggregates; empty when the platform has no such point. */
    public Optional<List<DayAggregate>> days(String enterprise, String point, LocalDate first, LocalDate last) {
        List<DayAggregate> out = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(MAX_DAYS)) {
            LocalDate to = from.plusDays(MAX_DAYS - 1).isAfter(last) ? last : from.plusDays(MAX_DAYS - 1);
            Optional<JsonNode> page = series(enterprise, point, "1d", from, to);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(read(page.get().path("items"), new TypeReference<List<DayAggregate>>() {}, "series days"));
        }
        return Optional.of(out);
    }

    /** {@code GET /api/series?interval=1h}: the point's hour aggregates; empty when the platform has no such point. */
    public Optional<List<HourAggregate>> hours(String enterprise, String point, LocalDate first, LocalDate last) {
        List<HourAggregate> out = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(MAX_DAYS)) {
            LocalDate to = from.plusDays(MAX_DAYS - 1).isAfter(last) ? last : from.plusDays(MAX_DAYS - 1);
            Optional<JsonNode> page = series(enterprise, point, "1h", from, to);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(read(page.get().path("items"), new TypeReference<List<HourAggregate>>() {}, "series hours"));
        }
        return Optional.of(out);
    }

    /** The MN of the device reporting the point, as {@code GET /api/series} names it; empty without such a point. */
    public Optional<String> mn(String enterprise, String point) {
        LocalDate day = LocalDate.of(2000, 1, 1); // any day: the answer names the point's source whatever it holds
        return series(enterprise, point, "1d", day, day)
                .map(s -> s.path("mn").asText(null))
                .filter(m -> !m.isEmpty());
    }

    /** {@code GET /api/states}: the point's state at each grid instant; empty when the platform has no such point. */
    public Optional<List<PointStates.StateAt>> states(
            String enterprise, String point, LocalDate first, LocalDate last) {
        List<PointStates.StateAt> out = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(MAX_DAYS)) {
            LocalDate to = from.plusDays(MAX_DAYS - 1).isAfter(last) ? last : from.plusDays(MAX_DAYS - 1);
            Map<String, String> q = new LinkedHashMap<>();
            q.put("enterprise", enterprise);
            q.put("point", point);
            q.put("from", from.toString());
            q.put("to", to.toString());
            Optional<JsonNode> page = getUnlessMissing("api/states", q);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(
                    read(page.get().path("states"), new TypeReference<List<PointStates.StateAt>>() {}, "api/states"));
        }
        return Optional.of(out);
    }

    /**
     * {@code GET /api/evidence?mn=&from=&to=}: up to {@code limit} accepted frames of the device in [{@code from},
     * {@code to}) of receipt time, oldest first, as text.
     */
    public List<String> acceptedFrames(String mn, Instant from, Instant to, int limit) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("mn", mn);
        q.put("from", from.toString());
        q.put("to", to.toString());
        q.put("limit", Integer.toString(PAGE));
        List<String> out = new ArrayList<>();
        for (JsonNode e : get("api/evidence", q).path("items")) {
            if ("ACCEPTED".equals(e.path("verdict").asText())) {
                out.add(e.path("raw").asText().strip());
            }
        }
        java.util.Collections.reverse(out); // the log lists newest first
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private Optional<JsonNode> series(String enterprise, String point, String interval, LocalDate from, LocalDate to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("enterprise", enterprise);
        q.put("point", point);
        q.put("interval", interval);
        q.put("from", from.toString());
        q.put("to", to.toString());
        return getUnlessMissing("api/series", q);
    }

    private JsonNode get(String path, Map<String, String> query) {
        return getUnlessMissing(path, query)
                .orElseThrow(() -> new PlatformStoreException("GET " + uri(path, query) + " answered 404"));
    }

    private Optional<JsonNode> getUnlessMissing(String path, Map<String, String> query) {
        URI uri = uri(path, query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> r = exchange(request);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(request, r));
    }

    private JsonNode send(String method, String path, String type, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path, Map.of()))
                .timeout(TIMEOUT)
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body)
                .build();
        return body(request, exchange(request));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlatformStoreException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStoreException(request.method() + " " + request.uri() + ": interrupted", e);
        }
    }

    private static JsonNode body(HttpRequest request, HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new PlatformStoreException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                    + ": " + abbreviate(r.body()));
        }
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new PlatformStoreException(
                    request.method() + " " + request.uri() + " answered no JSON: " + abbreviate(r.body()), e);
        }
    }

    private static <T> T read(JsonNode node, TypeReference<T> type, String what) {
        try {
            return MAPPER.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new PlatformStoreException(
                    what + " do not have the reference contract's shape: " + e.getMessage(), e);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return base.resolve(path + q);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
