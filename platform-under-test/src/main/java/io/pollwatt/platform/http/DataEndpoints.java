package io.pollwatt.platform.http;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** {@code /api/records}, {@code /api/conflicts}, {@code /api/quarantine}: what the ingest stored or kept out. */
final class DataEndpoints {

    /** The values of one upload: one (MN, CN, DataTime), each CP name with its literal text as sent. */
    record RecordGroup(String mn, String cn, LocalDateTime dataTime, Map<String, String> values) {}

    /** A second value for an already stored key (DQ-18), kept out of {@code record}. */
    record Conflict(
            long id,
            String mn,
            String cn,
            LocalDateTime dataTime,
            String name,
            String storedValue,
            String conflictingValue,
            Instant receivedAt) {}

    /** A frame of an unknown device or with a wrong password, and its evidence entry. */
    record Quarantined(long id, String mn, Instant receivedAt, String reason, long evidenceId) {}

    private final DataSource db;

    DataEndpoints(DataSource db) {
        this.db = db;
    }

    /**
     * Newest DataTime first (then CN); {@code limit} counts groups, not rows. DataTime bounds are local times, as
     * sent: {@code from} inclusive, {@code to} exclusive.
     */
    void records(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "mn", "cn", "from", "to", "limit");
        String mn = p.mn("mn");
        String cn = p.cn("cn");
        LocalDateTime from = p.dataTime("from");
        LocalDateTime to = p.dataTime("to");
        Params.checkRange(from, to);
        int limit = p.limit();
        Where where = new Where()
                .and("mn = ?", mn)
                .and("cn = ?", cn)
                .and("data_time >= ?", from)
                .and("data_time < ?", to);
        // one row per record, its CP pairs in a jsonb object: unfolded here, names in order
        String sql = "with g as (select mn, cn, data_time, cp from record" + where.sql()
                + " order by data_time desc, mn, cn limit ?)"
                + " select g.mn, g.cn, g.data_time, e.key as name, e.value from g, jsonb_each_text(g.cp) e"
                + " order by g.data_time desc, g.mn, g.cn, e.key";
        List<RecordGroup> groups = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(where.bind(ps), limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                RecordGroup current = null;
                while (rs.next()) {
                    String rowMn = rs.getString("mn");
                    String rowCn = rs.getString("cn");
                    LocalDateTime t = rs.getObject("data_time", LocalDateTime.class);
                    if (current == null
                            || !current.mn().equals(rowMn)
                            || !current.cn().equals(rowCn)
                            || !Objects.equals(current.dataTime(), t)) {
                        current = new RecordGroup(rowMn, rowCn, t, new LinkedHashMap<>());
                        groups.add(current);
                    }
                    current.values().put(rs.getString("name"), rs.getString("value"));
                }
            }
        }
        ctx.json(Page.of(groups, limit));
    }

    /** Newest first. */
    void conflicts(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "mn", "limit");
        String mn = p.mn("mn");
        int limit = p.limit();
        Where where = new Where().and("mn = ?", mn);
        List<Conflict> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select id, mn, cn, data_time, name, stored_value, conflicting_value, received_at"
                                + " from record_conflict" + where.sql() + " order by id desc limit ?")) {
            ps.setInt(where.bind(ps), limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Conflict(
                            rs.getLong("id"),
                            rs.getString("mn"),
                            rs.getString("cn"),
                            rs.getObject("data_time", LocalDateTime.class),
                            rs.getString("name"),
                            rs.getString("stored_value"),
                            rs.getString("conflicting_value"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant()));
                }
            }
        }
        ctx.json(Page.of(rows, limit));
    }

    /** Newest first; receipt-time bounds with offset, {@code from} inclusive, {@code to} exclusive. */
    void quarantine(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "mn", "from", "to", "limit");
        String mn = p.mn("mn");
        Instant from = p.instant("from");
        Instant to = p.instant("to");
        Params.checkRange(from, to);
        int limit = p.limit();
        Where where = new Where()
                .and("mn = ?", mn)
                .and("received_at >= ?", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .and("received_at < ?", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        List<Quarantined> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select id, mn, received_at, reason, evidence_id from quarantine"
                                + where.sql() + " order by id desc limit ?")) {
            ps.setInt(where.bind(ps), limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Quarantined(
                            rs.getLong("id"),
                            rs.getString("mn"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                            rs.getString("reason"),
                            rs.getLong("evidence_id")));
                }
            }
        }
        ctx.json(Page.of(rows, limit));
    }
}
