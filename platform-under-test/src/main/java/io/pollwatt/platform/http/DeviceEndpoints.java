package io.pollwatt.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pollwatt.platform.registry.DeviceRegistry;
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

    private Registration body(Context ctx) {
        return JsonBody.read(ctx, mapper, Registration.class, "{mn, pw, enterpriseId}", "mn, pw, enterpriseId");
    }

    private static String required(String value, String field) {
        return JsonBody.required(value, field);
    }
}
