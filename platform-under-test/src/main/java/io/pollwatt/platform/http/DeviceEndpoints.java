package io.pollwatt.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@code /api/devices}: the registry (备案). Passwords are written, never read back ({@code pwSet}). */
final class DeviceEndpoints {

    /** A registered device as the API shows it. */
    record Device(String mn, String enterpriseId, Instant registeredAt, boolean pwSet) {}

    /** The body of {@code POST /api/devices}. */
    record Registration(String mn, String pw, String enterpriseId) {}

    private final DataSource db;
    private final DeviceRegistry registry;
    private final ObjectMapper mapper;

    DeviceEndpoints(DataSource db, Clock clock, ObjectMapper mapper) {
        this.db = db;
        this.registry = new DeviceRegistry(db, clock);
        this.mapper = mapper;
    }

    void list(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "limit");
        int limit = p.limit();
        List<Device> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select mn, enterprise_id, registered_at, pw from device order by mn limit ?")) {
            ps.setInt(1, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(device(rs));
                }
            }
        }
        ctx.json(Page.of(rows, limit));
    }

    void get(Context ctx) throws SQLException {
        Params.of(ctx);
        String mn = ctx.pathParam("mn");
        Validation.checkMn(mn, "mn");
        ctx.json(find(mn).orElseThrow(() -> unknown(mn)));
    }

    void register(Context ctx) throws SQLException {
        Params.of(ctx);
        Registration r = body(ctx);
        String mn = required(r.mn(), "mn");
        String pw = required(r.pw(), "pw");
        String enterpriseId = required(r.enterpriseId(), "enterpriseId");
        Validation.checkMn(mn, "mn");
        Validation.checkPw(pw, "pw");
        Validation.checkEnterpriseId(enterpriseId, "enterpriseId");
        boolean existed = find(mn).isPresent();
        registry.register(mn, pw, enterpriseId);
        Device device = find(mn).orElseThrow(() -> new IllegalStateException("device " + mn + " vanished"));
        if (!existed) {
            ctx.header("Location", "/api/devices/" + mn);
        }
        ctx.status(existed ? 200 : 201).json(device);
    }

    void delete(Context ctx) throws SQLException {
        Params.of(ctx);
        String mn = ctx.pathParam("mn");
        Validation.checkMn(mn, "mn");
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from device where mn = ?")) {
            ps.setString(1, mn);
            if (ps.executeUpdate() == 0) {
                throw unknown(mn);
            }
        }
        ctx.status(204);
    }

    private Optional<Device> find(String mn) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select mn, enterprise_id, registered_at, pw from device where mn = ?")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        String pw = rs.getString("pw");
        return new Device(
                rs.getString("mn"),
                rs.getString("enterprise_id"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                pw != null && !pw.isEmpty());
    }

    private static ApiException unknown(String mn) {
        return new ApiException(ApiError.UNKNOWN_MN, "mn", "no device registered with MN " + mn);
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new ApiException(ApiError.MISSING_FIELD, field, "field '" + field + "' is required");
        }
        return value;
    }

    /** The JSON body, every refusal naming where in it the problem is. */
    private Registration body(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw new ApiException(
                    ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type",
                    "expected Content-Type application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new ApiException(
                    ApiError.BAD_JSON, null, "the body is empty; expected a JSON object {mn, pw, enterpriseId}");
        }
        try {
            Registration r = mapper.readValue(bytes, Registration.class);
            if (r == null) {
                throw new ApiException(
                        ApiError.BAD_JSON, null, "expected a JSON object {mn, pw, enterpriseId}, got null");
            }
            return r;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(
                    ApiError.UNKNOWN_FIELD,
                    e.getPropertyName(),
                    "unknown field '" + e.getPropertyName() + "'" + at(e.getLocation())
                            + "; expected mn, pw, enterpriseId");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new ApiException(
                    ApiError.BAD_JSON,
                    field,
                    (field == null
                                    ? "expected a JSON object {mn, pw, enterpriseId}"
                                    : "field '" + field + "' must be a string")
                            + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    ApiError.BAD_JSON, null, "malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, null, "cannot read the body: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
