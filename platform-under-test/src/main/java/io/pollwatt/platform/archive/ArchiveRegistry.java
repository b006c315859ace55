package io.pollwatt.platform.archive;

import io.pollwatt.platform.archive.SiteArchive.ControlKind;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.archive.SiteArchive.Ratio;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * The platform's archive (备案) in PostgreSQL (schema {@code V2__archive.sql}): enterprises, their points as archived,
 * groups, associations, control periods, stacks, and which device MN and meter number is which point. Imported from
 * and exported to site files; the devices' MN and PW also go into V1's {@code device} table, which ingest checks.
 *
 * <pre>
 *   ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
 *   ArchiveRegistry.ImportSummary s = archive.importSite(Path.of("sites/textile.yaml"));
 *   archive.resolve("5057…D001", "g71301-Rtd")   // → point M1 of E001, quantity P
 * </pre>
 */
public final class ArchiveRegistry {

    private final DataSource db;
    private final Clock clock;
    private final FactorCodes codes;

    /** A registry in {@code db} with pollwatt's default factor-code table. */
    public ArchiveRegistry(DataSource db, Clock clock) {
        this(db, clock, FactorCodes.pollwattDefault());
    }

    /** A registry in {@code db} resolving factor codes with {@code codes}. */
    public ArchiveRegistry(DataSource db, Clock clock, FactorCodes codes) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    /**
     * What one import did.
     *
     * @param enterpriseId the enterprise
     * @param replaced whether it replaced an archive already there
     * @param points archived points
     * @param groups treatment groups
     * @param stacks stacks
     * @param devices devices registered (DTUs and collectors)
     * @param meters DTU meters mapped to points
     */
    public record ImportSummary(
            String enterpriseId, boolean replaced, int points, int groups, int stacks, int devices, int meters) {}

    /** One enterprise of the archive, for lists. */
    public record EnterpriseSummary(String id, String name, String district, String industry, int points) {}

    /** What a factor code sent under an MN means. */
    public sealed interface Resolved permits PointQuantity, StackQuantity {
        /** The enterprise of the device. */
        String enterpriseId();

        /** The quantity's name in the factor-code table ({@code P}, {@code EP_IMPORT}, {@code TVOC}, …). */
        String quantity();
    }

    /** An electricity quantity of an archived point, sent by the DTU carrying its meter. */
    public record PointQuantity(String enterpriseId, String pointId, int meter, String quantity) implements Resolved {}

    /** An analyzer quantity of a stack, sent by its data collector. */
    public record StackQuantity(String enterpriseId, String stackId, String quantity) implements Resolved {}

    // ------------------------------------------------------------------------------------------------------ import

    /**
     * Reads a site file with {@link ArchiveReader} and imports it ({@link #importArchive}).
     *
     * @throws ArchiveFileException with every problem of the file; nothing was imported
     * @throws IOException when the file cannot be read
     */
    public ImportSummary importSite(Path file) throws IOException, ArchiveFileException {
        return importArchive(ArchiveReader.read(file));
    }

    /**
     * Imports one enterprise's archive in one transaction: an archive already there for the enterprise is replaced
     * (importing the same file twice leaves the same rows), and its devices are registered; devices registered for
     * the enterprise that the new archive lacks are unregistered.
     *
     * @throws IllegalArgumentException when a device's MN is registered to another enterprise (nothing imported)
     * @throws IllegalStateException when the database fails (nothing imported)
     */
    public ImportSummary importArchive(SiteArchive a) {
        Objects.requireNonNull(a, "archive");
        return inTransaction("cannot import the archive of enterprise " + a.id(), c -> write(c, a));
    }

    /** What {@link #delete} removed. */
    public record Deleted(String enterpriseId, int points, int devices) {}

    /**
     * Removes one enterprise's archive (注销) in one transaction: its points, groups, associations, control periods,
     * stacks and meter numbers, and its devices' registrations, so frames under their MNs are quarantined from then
     * on. What was received stays: records, the evidence log (append-only) and the alarms are history.
     *
     * @return what was removed; empty when no enterprise {@code enterpriseId} is archived (nothing changes)
     * @throws IllegalStateException when the database fails (nothing removed)
     */
    public Optional<Deleted> delete(String enterpriseId) {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        return inTransaction("cannot delete the archive of enterprise " + enterpriseId, c -> {
            try (PreparedStatement lock = c.prepareStatement("lock table device in share row exclusive mode")) {
                lock.execute(); // as an import does: a concurrent import sees the enterprise whole or gone
            }
            int points;
            try (PreparedStatement ps = c.prepareStatement("select count(p.id) from enterprise e"
                    + " left join point p on p.enterprise_id = e.id where e.id = ? group by e.id")) {
                ps.setString(1, enterpriseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty(); // not archived: its devices' registrations are left alone too
                    }
                    points = rs.getInt(1);
                }
            }
            int devices;
            try (PreparedStatement ps = c.prepareStatement("delete from device where enterprise_id = ?")) {
                ps.setString(1, enterpriseId);
                devices = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from enterprise where id = ?")) {
                ps.setString(1, enterpriseId); // the archive's tables cascade
                ps.executeUpdate();
            }
            return Optional.of(new Deleted(enterpriseId, points, devices));
        });
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(String failure, Work<T> work) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    private ImportSummary write(Connection c, SiteArchive a) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("lock table device in share row exclusive mode")) {
            lock.execute(); // two imports must not register one MN to two enterprises
        }
        for (String mn : a.mns()) {
            try (PreparedStatement ps = c.prepareStatement("select enterprise_id from device where mn = ?")) {
                ps.setString(1, mn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(a.id())) {
                        throw new IllegalArgumentException("device MN " + mn + " of enterprise " + a.id()
                                + " is registered to enterprise " + rs.getString(1));
                    }
                }
            }
        }
        boolean replaced;
        try (PreparedStatement ps = c.prepareStatement("delete from enterprise where id = ?")) {
            ps.setString(1, a.id());
            replaced = ps.executeUpdate() > 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        update(
                c,
                "insert into enterprise (id, name, district, industry, zone, imported_at, capacity_kva)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.name(),
                a.district(),
                a.industry(),
                a.zone().getId(),
                now,
                boxed(a.capacityKva()));
        try (PreparedStatement ps = c.prepareStatement("insert into point (enterprise_id, id, position, name, kind,"
                + " parent_id, voltage_v, wiring, pt_primary, pt_secondary, meter_id, ct_primary, ct_secondary,"
                + " p_on_kw, p_ref_kw, p_hi_kw, r_low, i_max_a, u_min_v, u_max_v, pf_min)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (SiteArchive.Point p : a.points()) {
                set(
                        ps,
                        a.id(),
                        p.id(),
                        i++,
                        p.name(),
                        p.kind().name(),
                        p.parent().orElse(null),
                        p.voltageV(),
                        p.wiring(),
                        p.pt().map(Ratio::primary).orElse(null),
                        p.pt().map(Ratio::secondary).orElse(null),
                        p.meterId(),
                        p.ct().primary(),
                        p.ct().secondary(),
                        boxed(p.limits().pOnKw()),
                        boxed(p.limits().pRefKw()),
                        boxed(p.limits().pHiKw()),
                        boxed(p.limits().rLow()),
                        boxed(p.limits().iMaxA()),
                        boxed(p.limits().uMinV()),
                        boxed(p.limits().uMaxV()),
                        boxed(p.limits().pfMin()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int g = 0;
        for (SiteArchive.Group group : a.groups()) {
            update(
                    c,
                    "insert into treatment_group (enterprise_id, id, position, required) values (?, ?, ?, ?)",
                    a.id(),
                    group.id(),
                    g++,
                    group.required());
            int m = 0;
            for (String member : group.members()) {
                update(
                        c,
                        "insert into treatment_group_member (enterprise_id, group_id, position, point_id)"
                                + " values (?, ?, ?, ?)",
                        a.id(),
                        group.id(),
                        m++,
                        member);
            }
        }
        int x = 0;
        for (SiteArchive.Association pair : a.associations()) {
            update(
                    c,
                    "insert into association (enterprise_id, position, production_point_id, group_id)"
                            + " values (?, ?, ?, ?)",
                    a.id(),
                    x++,
                    pair.production(),
                    pair.group());
        }
        int cp = 0;
        for (SiteArchive.ControlPeriod period : a.controlPeriods()) {
            update(
                    c,
                    "insert into control_period (enterprise_id, position, kind, start_time, end_time, limit_ratio,"
                            + " allowed_lines) values (?, ?, ?, ?, ?, ?, ?)",
                    a.id(),
                    cp,
                    period.kind().name(),
                    period.start(),
                    period.end(),
                    boxed(period.limitRatio()),
                    period.allowedLines().isPresent() ? period.allowedLines().getAsInt() : null);
            int i = 0;
            for (String point : period.production()) {
                update(
                        c,
                        "insert into control_period_point (enterprise_id, period_position, position, point_id)"
                                + " values (?, ?, ?, ?)",
                        a.id(),
                        cp,
                        i++,
                        point);
            }
            cp++;
        }
        int md = 0;
        for (SiteArchive.Maintenance m : a.maintenance()) {
            update(
                    c,
                    "insert into maintenance_declaration (enterprise_id, position, group_id, start_time, end_time,"
                            + " approved, reason) values (?, ?, ?, ?, ?, ?, ?)",
                    a.id(),
                    md++,
                    m.group(),
                    m.start(),
                    m.end(),
                    m.approved(),
                    m.reason());
        }
        int st = 0;
        for (SiteArchive.Stack stack : a.stacks()) {
            update(
                    c,
                    "insert into stack (enterprise_id, id, position, height_m) values (?, ?, ?, ?)",
                    a.id(),
                    stack.id(),
                    st++,
                    stack.heightM());
            int i = 0;
            for (String point : stack.production()) {
                update(
                        c,
                        "insert into stack_production (enterprise_id, stack_id, position, point_id) values (?, ?, ?, ?)",
                        a.id(),
                        stack.id(),
                        i++,
                        point);
            }
            i = 0;
            for (String group : stack.groups()) {
                update(
                        c,
                        "insert into stack_group (enterprise_id, stack_id, position, group_id) values (?, ?, ?, ?)",
                        a.id(),
                        stack.id(),
                        i++,
                        group);
            }
        }
        int u = 0;
        for (SiteArchive.Unmetered facility : a.unmetered()) {
            update(
                    c,
                    "insert into unmetered_facility (enterprise_id, position, name, kind) values (?, ?, ?, ?)",
                    a.id(),
                    u++,
                    facility.name(),
                    facility.kind().name());
        }
        // V1's registry of MN and PW: drop what the enterprise no longer has, then register what it has
        try (PreparedStatement ps =
                c.prepareStatement("delete from device where enterprise_id = ? and mn <> all (?)")) {
            ps.setString(1, a.id());
            ps.setArray(2, c.createArrayOf("text", a.mns().toArray()));
            ps.executeUpdate();
        }
        int d = 0;
        int meters = 0;
        for (SiteArchive.Dtu dtu : a.dtus()) {
            register(c, a.id(), dtu.mn(), dtu.pw(), now);
            update(
                    c,
                    "insert into archive_device (mn, enterprise_id, position, kind, stack_id) values (?, ?, ?, 'DTU', ?)",
                    dtu.mn(),
                    a.id(),
                    d++,
                    null);
            for (SiteArchive.Meter m : dtu.meters()) {
                update(
                        c,
                        "insert into device_meter (mn, meter_number, enterprise_id, point_id) values (?, ?, ?, ?)",
                        dtu.mn(),
                        m.number(),
                        a.id(),
                        m.pointId());
                meters++;
            }
        }
        for (SiteArchive.Collector col : a.collectors()) {
            register(c, a.id(), col.mn(), col.pw(), now);
            update(
                    c,
                    "insert into archive_device (mn, enterprise_id, position, kind, stack_id)"
                            + " values (?, ?, ?, 'COLLECTOR', ?)",
                    col.mn(),
                    a.id(),
                    d++,
                    col.stackId());
        }
        return new ImportSummary(
                a.id(),
                replaced,
                a.points().size(),
                a.groups().size(),
                a.stacks().size(),
                d,
                meters);
    }

    private static void register(Connection c, String enterprise, String mn, String pw, Timestamp now)
            throws SQLException {
        update(
                c,
                "insert into device (mn, pw, enterprise_id, registered_at) values (?, ?, ?, ?)"
                        + " on conflict (mn) do update set pw = excluded.pw, enterprise_id = excluded.enterprise_id",
                mn,
                pw,
                enterprise,
                now);
    }

    // ------------------------------------------------------------------------------------------------------ export

    /** The enterprise's archive as site-file YAML ({@link ArchiveWriter}); empty when there is none. */
    public Optional<String> export(String enterpriseId) {
        return archive(enterpriseId).map(ArchiveWriter::write);
    }

    /** The enterprise's archive as stored; empty when there is none. */
    public Optional<SiteArchive> archive(String enterpriseId) {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        try (Connection c = db.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false); // one snapshot for every table
            try {
                return read(c, enterpriseId);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the archive of enterprise " + enterpriseId, e);
        }
    }

    private Optional<SiteArchive> read(Connection c, String id) throws SQLException {
        String[] head;
        OptionalDouble capacity;
        try (PreparedStatement ps = c.prepareStatement(
                "select name, district, industry, zone, capacity_kva from enterprise where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                head = new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                capacity = optional(rs, 5);
            }
        }
        List<SiteArchive.Point> points = points(c, id);
        Map<String, List<String>> members = grouped(
                c,
                "select group_id, point_id from treatment_group_member where enterprise_id = ? order by position",
                id);
        List<SiteArchive.Group> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, required from treatment_group where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new SiteArchive.Group(
                            rs.getString(1), members.getOrDefault(rs.getString(1), List.of()), rs.getInt(2)));
                }
            }
        }
        List<SiteArchive.Association> associations = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select production_point_id, group_id from association"
                + " where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    associations.add(new SiteArchive.Association(rs.getString(1), rs.getString(2)));
                }
            }
        }
        Map<String, List<String>> periodPoints = grouped(
                c,
                "select period_position::text, point_id from control_period_point where enterprise_id = ?"
                        + " order by position",
                id);
        List<SiteArchive.ControlPeriod> periods = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select position, kind, start_time, end_time, limit_ratio,"
                + " allowed_lines from control_period where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    periods.add(new SiteArchive.ControlPeriod(
                            ControlKind.valueOf(rs.getString(2)),
                            rs.getObject(3, java.time.LocalDateTime.class),
                            rs.getObject(4, java.time.LocalDateTime.class),
                            optional(rs, 5),
                            periodPoints.getOrDefault(Integer.toString(rs.getInt(1)), List.of()),
                            optionalInt(rs, 6)));
                }
            }
        }
        List<SiteArchive.Maintenance> maintenance = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select group_id, start_time, end_time, approved, reason"
                + " from maintenance_declaration where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    maintenance.add(new SiteArchive.Maintenance(
                            rs.getString(1),
                            rs.getObject(2, java.time.LocalDateTime.class),
                            rs.getObject(3, java.time.LocalDateTime.class),
                            rs.getBoolean(4),
                            rs.getString(5)));
                }
            }
        }
        Map<String, List<String>> stackPoints = grouped(
                c, "select stack_id, point_id from stack_production where enterprise_id = ? order by position", id);
        Map<String, List<String>> stackGroups =
                grouped(c, "select stack_id, group_id from stack_group where enterprise_id = ? order by position", id);
        List<SiteArchive.Stack> stacks = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select id, height_m from stack where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String s = rs.getString(1);
                    stacks.add(new SiteArchive.Stack(
                            s,
                            rs.getDouble(2),
                            stackPoints.getOrDefault(s, List.of()),
                            stackGroups.getOrDefault(s, List.of())));
                }
            }
        }
        List<SiteArchive.Unmetered> unmetered = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select name, kind from unmetered_facility where enterprise_id = ? order by position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unmetered.add(new SiteArchive.Unmetered(rs.getString(1), PointKind.valueOf(rs.getString(2))));
                }
            }
        }
        Map<String, List<SiteArchive.Meter>> meters = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select mn, meter_number, point_id from device_meter"
                + " where enterprise_id = ? order by mn, meter_number")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meters.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SiteArchive.Meter(rs.getInt(2), rs.getString(3)));
                }
            }
        }
        List<SiteArchive.Dtu> dtus = new ArrayList<>();
        List<SiteArchive.Collector> collectors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a.mn, d.pw, a.kind, a.stack_id from archive_device a"
                + " join device d on d.mn = a.mn where a.enterprise_id = ? order by a.position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3).equals("DTU")) {
                        dtus.add(new SiteArchive.Dtu(
                                rs.getString(1), rs.getString(2), meters.getOrDefault(rs.getString(1), List.of())));
                    } else {
                        collectors.add(new SiteArchive.Collector(rs.getString(1), rs.getString(2), rs.getString(4)));
                    }
                }
            }
        }
        return Optional.of(new SiteArchive(
                id,
                head[0],
                head[1],
                head[2],
                ZoneId.of(head[3]),
                points,
                groups,
                associations,
                periods,
                stacks,
                unmetered,
                dtus,
                collectors,
                capacity,
                maintenance));
    }

    // ------------------------------------------------------------------------------------------------------ lookups

    /** The MNs of an enterprise's devices (DTUs and data collectors), in archive order. */
    public List<String> devices(String enterpriseId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select mn from archive_device where enterprise_id = ? order by position")) {
            ps.setString(1, enterpriseId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the devices of " + enterpriseId, e);
        }
    }

    /** Every enterprise in the archive, by id. */
    public List<EnterpriseSummary> enterprises() {
        String sql = "select e.id, e.name, e.district, e.industry,"
                + " (select count(*) from point p where p.enterprise_id = e.id) from enterprise e order by e.id";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<EnterpriseSummary> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new EnterpriseSummary(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the enterprises", e);
        }
    }

    /** The archived points of an enterprise in archive order (empty when it has none or is unknown). */
    public List<SiteArchive.Point> points(String enterpriseId) {
        try (Connection c = db.getConnection()) {
            return points(c, enterpriseId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the points of enterprise " + enterpriseId, e);
        }
    }

    /**
     * What factor code {@code factorCode} (with or without a {@code -Rtd}-style suffix) means when device {@code mn}
     * sends it: a quantity of the archived point on that meter of the DTU, or a quantity of the collector's stack.
     * Empty when the MN is not an archived device, the code is not in the factor-code table, or the meter number
     * carries no archived point (a meter the archive lacks: DQ-15).
     */
    public Optional<Resolved> resolve(String mn, String factorCode) {
        Objects.requireNonNull(mn, "mn");
        Objects.requireNonNull(factorCode, "factorCode");
        try (Connection c = db.getConnection()) {
            String enterprise;
            String kind;
            String stack;
            try (PreparedStatement ps =
                    c.prepareStatement("select enterprise_id, kind, stack_id from archive_device where mn = ?")) {
                ps.setString(1, mn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    enterprise = rs.getString(1);
                    kind = rs.getString(2);
                    stack = rs.getString(3);
                }
            }
            if (kind.equals("COLLECTOR")) {
                return codes.voc(factorCode).map(q -> new StackQuantity(enterprise, stack, q));
            }
            Optional<FactorCodes.Electric> code = codes.electric(factorCode);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("select point_id from device_meter where mn = ? and meter_number = ?")) {
                ps.setString(1, mn);
                ps.setInt(2, code.get().meter());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new PointQuantity(
                                    enterprise,
                                    rs.getString(1),
                                    code.get().meter(),
                                    code.get().quantity()))
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve " + factorCode + " of MN " + mn, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static List<SiteArchive.Point> points(Connection c, String enterpriseId) throws SQLException {
        List<SiteArchive.Point> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, name, kind, parent_id, voltage_v, wiring,"
                + " pt_primary, pt_secondary, meter_id, ct_primary, ct_secondary, p_on_kw, p_ref_kw, p_hi_kw, r_low,"
                + " i_max_a, u_min_v, u_max_v, pf_min from point where enterprise_id = ? order by position")) {
            ps.setString(1, enterpriseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal ptPrimary = rs.getBigDecimal(7);
                    out.add(new SiteArchive.Point(
                            rs.getString(1),
                            rs.getString(2),
                            PointKind.valueOf(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)),
                            rs.getDouble(5),
                            rs.getString(6),
                            ptPrimary == null
                                    ? Optional.empty()
                                    : Optional.of(new Ratio(ptPrimary, rs.getBigDecimal(8))),
                            rs.getString(9),
                            new Ratio(rs.getBigDecimal(10), rs.getBigDecimal(11)),
                            new SiteArchive.Limits(
                                    optional(rs, 12),
                                    optional(rs, 13),
                                    optional(rs, 14),
                                    optional(rs, 15),
                                    optional(rs, 16),
                                    optional(rs, 17),
                                    optional(rs, 18),
                                    optional(rs, 19))));
                }
            }
        }
        return out;
    }

    /** Rows of (key, value) as lists per key, in the query's order. */
    private static Map<String, List<String>> grouped(Connection c, String sql, String enterpriseId)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, enterpriseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static OptionalDouble optional(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static java.util.OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(v);
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            set(ps, values);
            ps.executeUpdate();
        }
    }

    private static void set(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
