package io.pollwatt.platform.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollwatt.platform.rules.Finding;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The alarms of the platform: what the rules found, reconciled with what is stored so that each episode is one alarm
 * whose lifecycle shows how it went (rulebook §4, issue "late data"): a finding that matches a stored alarm of the same
 * key and overlapping time updates it; a new one opens an alarm ({@code detectedLate} when its raising sample is long
 * past); a stored alarm the rules no longer find, in the range re-evaluated, is closed as {@code recoveredByResend}
 * (it was raised on missing data, DQ-06) or {@code retracted}. Every change is an {@code alarm_event}.
 */
public final class AlarmStore {

    /** Rules whose alarms mean "data missing": when late data make them vanish, the data were recovered. */
    private static final List<String> MISSING_DATA_RULES = List.of("DQ-06", "DQ-05");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final DataSource db;
    private final Clock clock;

    public AlarmStore(DataSource db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one reconciliation did. */
    public record Changes(int opened, int updated, int closed, int unchanged) {
        public Changes plus(Changes o) {
            return new Changes(opened + o.opened, updated + o.updated, closed + o.closed, unchanged + o.unchanged);
        }

        public static final Changes NONE = new Changes(0, 0, 0, 0);
    }

    /**
     * Reconciles the findings of an evaluation of {@code enterpriseId} over [from, to) with the stored alarms, in one
     * transaction. Alarms starting before {@code authoritativeFrom} (the warm-up of the evaluation, where episodes may
     * be cut short) are only ever extended, never closed for being absent.
     *
     * @param zone the enterprise's zone (the platform time as local time, for {@code detectedLate})
     * @param lateAfter how long after its raising sample a new alarm counts as detected late
     * @param notJudged rules this evaluation could not judge (it did not load their look-back): their alarms are
     *     updated by findings but never closed for being absent
     */
    public Changes reconcile(
            String enterpriseId,
            LocalDateTime from,
            LocalDateTime authoritativeFrom,
            LocalDateTime to,
            List<Finding> findings,
            ZoneId zone,
            Duration lateAfter,
            java.util.Set<String> notJudged)
            throws SQLException {
        Instant now = clock.instant();
        LocalDateTime localNow = LocalDateTime.ofInstant(now, zone);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Alarm> stored = overlapping(c, enterpriseId, from, to);
                List<Alarm> unmatched = new ArrayList<>(stored);
                int opened = 0;
                int updated = 0;
                int closed = 0;
                int unchanged = 0;
                List<Finding> sorted = new ArrayList<>(findings);
                sorted.sort(Comparator.comparing(Finding::start));
                for (Finding f : sorted) {
                    List<Alarm> matches = unmatched.stream()
                            .filter(a ->
                                    a.ruleId().equals(f.ruleId()) && a.key().equals(f.key()) && overlaps(a, f))
                            .sorted(Comparator.comparing(Alarm::start))
                            .toList();
                    if (matches.isEmpty()) {
                        // late: raised on data that came long after its sample; a finding raised at the start of the
                        // evaluated range (a configuration finding) is not about late data
                        boolean late = localNow.isAfter(f.raisedAt().plus(lateAfter))
                                && f.raisedAt().isAfter(from);
                        insert(c, f, now, late);
                        opened++;
                        continue;
                    }
                    Alarm a = matches.get(0);
                    unmatched.remove(a);
                    // an episode cut at the start of the evaluated range began where the stored alarm says
                    LocalDateTime start = f.start().equals(from) && a.start().isBefore(from) ? a.start() : f.start();
                    if (update(c, a, f, start, now)) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                    for (Alarm extra : matches.subList(1, matches.size())) {
                        unmatched.remove(extra);
                        close(c, extra, "merged", now, Map.of("into", a.id()));
                        closed++;
                    }
                }
                for (Alarm a : unmatched) {
                    if (a.start().isBefore(authoritativeFrom)
                            || "merged".equals(a.closingReason())
                            || notJudged.contains(a.ruleId())) {
                        continue;
                    }
                    String reason = MISSING_DATA_RULES.contains(a.ruleId()) ? "recoveredByResend" : "retracted";
                    if (!reason.equals(a.closingReason())) {
                        close(c, a, reason, now, Map.of());
                        closed++;
                    }
                }
                c.commit();
                return new Changes(opened, updated, closed, unchanged);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean overlaps(Alarm a, Finding f) {
        boolean aEndsAfterF = a.end() == null || a.end().isAfter(f.start());
        boolean fEndsAfterA = f.end() == null || f.end().isAfter(a.start());
        return aEndsAfterF && fEndsAfterA;
    }

    private static List<Alarm> overlapping(Connection c, String enterpriseId, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " where enterprise_id = ? and start_time < ? and (end_time is null or end_time > ?)"
                + " order by start_time, id for update")) {
            ps.setString(1, enterpriseId);
            ps.setObject(2, to);
            ps.setObject(3, from);
            return read(ps);
        }
    }

    private static void insert(Connection c, Finding f, Instant now, boolean late) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into alarm (enterprise_id, rule_id, rule_version, key,"
                + " subtype, points, related, start_time, raised_at, end_time, level, status, closing_reason,"
                + " detected_late, evidence, opened_at, updated_at, closed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id")) {
            ps.setString(1, f.enterpriseId());
            ps.setString(2, f.ruleId());
            ps.setInt(3, f.version());
            ps.setString(4, f.key());
            ps.setString(5, f.subtype());
            ps.setArray(6, c.createArrayOf("text", f.points().toArray()));
            ps.setArray(7, c.createArrayOf("text", f.related().toArray()));
            ps.setObject(8, f.start());
            ps.setObject(9, f.raisedAt());
            ps.setObject(10, f.end(), Types.TIMESTAMP);
            ps.setInt(11, f.level());
            ps.setString(12, f.open() ? "OPEN" : "CLOSED");
            ps.setString(13, f.open() ? null : "ended");
            ps.setBoolean(14, late);
            ps.setString(15, json(f.evidence()));
            ps.setTimestamp(16, Timestamp.from(now));
            ps.setTimestamp(17, Timestamp.from(now));
            ps.setTimestamp(18, f.open() ? null : Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("raisedAt", f.raisedAt().toString());
        detail.put("level", f.level());
        detail.put("detectedLate", late);
        event(c, id, now, "OPENED", detail);
        if (!f.open()) {
            event(c, id, now, "CLOSED", Map.of("reason", "ended", "end", f.end().toString()));
        }
    }

    /** Brings a stored alarm to what the finding says; whether anything changed. */
    private static boolean update(Connection c, Alarm a, Finding f, LocalDateTime start, Instant now)
            throws SQLException {
        Alarm.Status status = f.open() ? Alarm.Status.OPEN : Alarm.Status.CLOSED;
        String reason = f.open() ? null : "ended";
        boolean same = a.start().equals(start)
                && Objects.equals(a.end(), f.end())
                && a.level() == f.level()
                && a.status() == status
                && Objects.equals(a.closingReason(), reason)
                && Objects.equals(a.subtype(), f.subtype())
                && a.points().equals(f.points())
                && a.raisedAt().equals(f.raisedAt());
        if (same) {
            return false;
        }
        // the evidence stays what triggered the alarm, unless the episode now starts elsewhere
        String evidence = a.start().equals(start) ? json(a.evidence()) : json(f.evidence());
        try (PreparedStatement ps = c.prepareStatement("update alarm set start_time = ?, raised_at = ?, end_time = ?,"
                + " level = ?, status = ?, closing_reason = ?, subtype = ?, points = ?, related = ?, rule_version = ?,"
                + " evidence = ?::jsonb, updated_at = ?, closed_at = ? where id = ?")) {
            ps.setObject(1, start);
            ps.setObject(2, f.raisedAt());
            ps.setObject(3, f.end(), Types.TIMESTAMP);
            ps.setInt(4, f.level());
            ps.setString(5, status.name());
            ps.setString(6, reason);
            ps.setString(7, f.subtype());
            ps.setArray(8, c.createArrayOf("text", f.points().toArray()));
            ps.setArray(9, c.createArrayOf("text", f.related().toArray()));
            ps.setInt(10, f.version());
            ps.setString(11, evidence);
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setTimestamp(
                    13,
                    status == Alarm.Status.CLOSED
                            ? Timestamp.from(
                                    a.closedAt() != null && a.status() == Alarm.Status.CLOSED ? a.closedAt() : now)
                            : null);
            ps.setLong(14, a.id());
            ps.executeUpdate();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("start", start.toString());
        detail.put("end", f.end() == null ? null : f.end().toString());
        detail.put("level", f.level());
        String kind;
        if (a.status() == Alarm.Status.OPEN && status == Alarm.Status.CLOSED) {
            kind = "CLOSED";
            detail.put("reason", "ended");
        } else if (a.status() == Alarm.Status.CLOSED && status == Alarm.Status.OPEN) {
            kind = "REOPENED";
        } else {
            kind = "UPDATED";
        }
        event(c, a.id(), now, kind, detail);
        return true;
    }

    private static void close(Connection c, Alarm a, String reason, Instant now, Map<String, Object> detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update alarm set status = 'CLOSED', closing_reason = ?,"
                        + " end_time = coalesce(end_time, ?), updated_at = ?, closed_at = coalesce(closed_at, ?) where id = ?")) {
            ps.setString(1, reason);
            ps.setObject(2, a.end() == null ? a.raisedAt() : a.end());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setLong(5, a.id());
            ps.executeUpdate();
        }
        Map<String, Object> d = new LinkedHashMap<>(detail);
        d.put("reason", reason);
        event(c, a.id(), now, "CLOSED", d);
    }

    private static void event(Connection c, long alarmId, Instant at, String kind, Map<String, Object> detail)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("insert into alarm_event (alarm_id, at, kind, detail) values (?, ?, ?, ?::jsonb)")) {
            ps.setLong(1, alarmId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, kind);
            ps.setString(4, json(detail));
            ps.executeUpdate();
        }
    }

    /** The alarms {@code q} selects, latest episode first. */
    public List<Alarm> list(AlarmQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (q.enterpriseId() != null) {
            sql.append(" and enterprise_id = ?");
            args.add(q.enterpriseId());
        }
        if (q.ruleId() != null) {
            sql.append(" and rule_id = ?");
            args.add(q.ruleId());
        }
        if (q.level() != null) {
            sql.append(" and level = ?");
            args.add(q.level());
        }
        if (q.status() != null) {
            sql.append(" and status = ?");
            args.add(q.status().name());
        }
        if (q.review() != null) {
            sql.append(" and review_state = ?");
            args.add(q.review().name());
        }
        if (q.to() != null) {
            sql.append(" and start_time < ?");
            args.add(q.to());
        }
        if (q.from() != null) {
            sql.append(" and (end_time is null or end_time > ?)");
            args.add(q.from());
        }
        sql.append(" order by start_time desc, id desc limit ? offset ?");
        args.add(q.limit());
        args.add(q.offset());
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return read(ps);
        }
    }

    /**
     * Open alarms (status OPEN) per enterprise and level (1 red … 3 yellow), for the dashboard's enterprise list; an
     * enterprise or level without open alarms is absent.
     */
    public Map<String, Map<Integer, Integer>> openByLevel() throws SQLException {
        Map<String, Map<Integer, Integer>> out = new TreeMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select enterprise_id, level, count(*) from alarm"
                        + " where status = 'OPEN' group by enterprise_id, level order by enterprise_id, level");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3));
            }
        }
        return out;
    }

    /** The alarm of that id. */
    public Optional<Alarm> get(long id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " where id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** The lifecycle of an alarm, in order. */
    public List<Alarm.Event> events(long id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select id, at, kind, detail::text from alarm_event where alarm_id = ? order by id")) {
            ps.setLong(1, id);
            List<Alarm.Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alarm.Event(
                            rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), map(rs.getString(4))));
                }
            }
            return out;
        }
    }

    /**
     * Records a review (人工审核, OP-02): confirmed or dismissed, with a comment and who; the alarm is otherwise left as
     * the rules made it. Empty when there is no such alarm.
     */
    public Optional<Alarm> review(long id, Alarm.Review decision, String comment, String reviewer) throws SQLException {
        if (decision == Alarm.Review.UNREVIEWED) {
            throw new IllegalArgumentException("a review confirms or dismisses");
        }
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("update alarm set review_state = ?, review_comment = ?,"
                    + " reviewer = ?, reviewed_at = ? where id = ?")) {
                ps.setString(1, decision.name());
                ps.setString(2, comment);
                ps.setString(3, reviewer);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setLong(5, id);
                if (ps.executeUpdate() == 0) {
                    c.rollback();
                    return Optional.empty();
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("decision", decision.name());
                detail.put("comment", comment);
                detail.put("reviewer", reviewer);
                event(c, id, now, "REVIEWED", detail);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return get(id);
    }

    private static final String SELECT = "select id, enterprise_id, rule_id, rule_version, key, subtype, points,"
            + " related, start_time, raised_at, end_time, level, status, closing_reason, detected_late, evidence::text,"
            + " opened_at, updated_at, closed_at, review_state, review_comment, reviewer, reviewed_at from alarm";

    private static List<Alarm> read(PreparedStatement ps) throws SQLException {
        List<Alarm> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Alarm(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        strings(rs.getArray(7)),
                        strings(rs.getArray(8)),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class),
                        rs.getObject(11, LocalDateTime.class),
                        rs.getInt(12),
                        Alarm.Status.valueOf(rs.getString(13)),
                        rs.getString(14),
                        rs.getBoolean(15),
                        map(rs.getString(16)),
                        instant(rs.getTimestamp(17)),
                        instant(rs.getTimestamp(18)),
                        instant(rs.getTimestamp(19)),
                        Alarm.Review.valueOf(rs.getString(20)),
                        rs.getString(21),
                        rs.getString(22),
                        instant(rs.getTimestamp(23))));
            }
        }
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> map(String s) {
        try {
            return JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence that is not JSON: " + e.getMessage(), e);
        }
    }
}
