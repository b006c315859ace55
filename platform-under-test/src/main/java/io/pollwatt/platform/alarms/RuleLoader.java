package io.pollwatt.platform.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.Aggregator;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.aggregate.PointInput;
import io.pollwatt.platform.aggregate.Reading;
import io.pollwatt.platform.aggregate.Register;
import io.pollwatt.platform.alarms.RecentRecords.Row;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.DeviceTotals;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Grid;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Quarantine;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.ReferencePower;
import io.pollwatt.platform.state.Thresholds;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Reads what the rules need of one enterprise from the store: its archived points' real-time records (2011) on the
 * grid (DataTimes snapped within {@code agg.snapToleranceMin}, AGG-01), the stacks' analyzer records, each point's
 * thresholds (entered, else derived from the {@code state.refWindowDays} before the month, ST-04), each point's
 * aggregation of the evaluated days (AGG-03…05), the hourly and daily energy totals each device sent (2061/2031,
 * DQ-20), and what is known of each device (DQ-05, DQ-06, DQ-15).
 */
public final class RuleLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> CP = new TypeReference<>() {};
    private static final BigDecimal CAP_FACTOR = new BigDecimal("1.2");
    private static final BigDecimal SQRT3 = new BigDecimal("1.7320508075688772");

    /**
     * The quantities whose hourly and daily statistics the rules read (ALM-06…08's hourly P, the DQ day rules' P):
     * the aggregation computes no others for them. A rule that reads another quantity's statistics adds it here.
     */
    static final Set<String> RULE_STATISTICS = Set.of("P");

    private final DataSource db;
    private final FactorCodes codes;
    private final Aggregator aggregator;
    /** Derived P_ref by (MN, meter, first instant after its window): recomputed monthly, not per evaluation. */
    private final Map<String, OptionalDouble> references = new ConcurrentHashMap<>();
    /** Parsed CP keys (see {@link #electric}). */
    private final Map<String, Optional<FactorCodes.Electric>> electricCodes = new ConcurrentHashMap<>();

    private static final int CODES_REMEMBERED = 10_000;

    public RuleLoader(DataSource db, FactorCodes codes, AggregationSettings aggregation) {
        this.db = Objects.requireNonNull(db, "db");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.aggregator = new Aggregator(aggregation, RULE_STATISTICS::contains);
    }

    /** The data of enterprise {@code a} over [from, to) on the grid, as known at platform time {@code now}. */
    public EnterpriseData load(
            SiteArchive a, LocalDateTime from, LocalDateTime to, LocalDateTime now, RuleConfig.Values config)
            throws SQLException {
        return load(a, from, to, now, config, null);
    }

    /** As {@link #load(SiteArchive, LocalDateTime, LocalDateTime, LocalDateTime, RuleConfig.Values)}, reading the
     * devices' records through {@code recent} when given (the rule service's ticks). */
    EnterpriseData load(
            SiteArchive a,
            LocalDateTime from,
            LocalDateTime to,
            LocalDateTime now,
            RuleConfig.Values config,
            RecentRecords recent)
            throws SQLException {
        Duration step = config.interval();
        Grid grid = Grid.between(from, to, step);
        Duration snap = config.minutes("agg.snapToleranceMin");
        Map<String, Series> points = new LinkedHashMap<>();
        Map<String, Inputs> inputs = new LinkedHashMap<>();
        a.points().forEach(p -> {
            points.put(p.id(), new Series(p.id(), grid));
            inputs.put(p.id(), new Inputs());
        });
        Map<String, Series> stacks = new LinkedHashMap<>();
        a.stacks().forEach(s -> stacks.put(s.id(), new Series(s.id(), grid)));
        List<DeviceFacts> devices = new ArrayList<>();
        Map<String, LocalDateTime> deviceLatest = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            for (SiteArchive.Dtu d : a.dtus()) {
                Map<Integer, String> meters = new LinkedHashMap<>();
                d.meters().forEach(m -> meters.put(m.number(), m.pointId()));
                Set<String> unregistered = new LinkedHashSet<>();
                List<DeviceFacts.Receipt> receipts = new ArrayList<>();
                for (Row r :
                        rows(recent, c, d.mn(), from.minus(snap), to.plus(step).plus(snap))) {
                    int i = snapped(grid, r.time(), snap);
                    if (r.cn().equals("2011")) {
                        receipts.add(
                                new DeviceFacts.Receipt(r.time(), LocalDateTime.ofInstant(r.receivedAt(), a.zone())));
                    }
                    for (Item it : r.electric()) {
                        String pointId = meters.get(it.electric().meter());
                        if (pointId == null || !points.containsKey(pointId)) {
                            unregistered.add(it.code());
                            continue;
                        }
                        take(r, i, it, points.get(pointId), inputs.get(pointId));
                    }
                }
                totals(c, d.mn(), meters, from, to, inputs);
                DeviceFacts f = facts(c, d.mn(), List.copyOf(unregistered), from, to, a);
                devices.add(new DeviceFacts(
                        f.mn(),
                        f.networkedAt(),
                        f.latestData(),
                        f.frames(),
                        f.rejected(),
                        f.unregisteredItems(),
                        pointsLatest(c, d),
                        beyondRetention(c, d.mn(), from, to, a, config),
                        receipts));
            }
            for (SiteArchive.Collector col : a.collectors()) {
                Series s = stacks.get(col.stackId());
                for (Row r : rows(recent, c, col.mn(), from.minus(snap), to.plus(snap))) {
                    int i = snapped(grid, r.time(), snap);
                    if (i < 0 || !r.cn().equals("2011")) {
                        continue;
                    }
                    r.cp().forEach((key, value) -> {
                        int dash = key.indexOf('-');
                        String suffix = dash < 0 ? "" : key.substring(dash + 1);
                        codes.voc(key).ifPresent(q -> {
                            if (suffix.equals("Rtd")) {
                                s.set(i, q, number(value));
                            } else if (suffix.equals("Flag")) {
                                s.flag(i, q, value);
                            }
                        });
                    });
                }
                devices.add(facts(c, col.mn(), List.of(), from, to, a));
            }
            devices.forEach(f -> f.latestData().ifPresent(t -> deviceLatest.put(f.mn(), t)));
            Map<String, String> mnOfPoint = new LinkedHashMap<>();
            Map<String, Integer> meterOfPoint = new LinkedHashMap<>();
            a.dtus()
                    .forEach(d -> d.meters().forEach(m -> {
                        mnOfPoint.put(m.pointId(), d.mn());
                        meterOfPoint.put(m.pointId(), m.number());
                    }));
            Duration offline = config.minutes("dq.offlineMin");
            Map<String, PointData> data = new LinkedHashMap<>();
            for (SiteArchive.Point p : a.points()) {
                Series s = points.get(p.id());
                horizon(s, grid, now, offline, deviceLatest.get(mnOfPoint.get(p.id())));
                OptionalDouble derived = OptionalDouble.empty();
                if ((p.limits().pOnKw().isEmpty() || p.limits().pRefKw().isEmpty()) && mnOfPoint.containsKey(p.id())) {
                    derived = reference(c, mnOfPoint.get(p.id()), meterOfPoint.get(p.id()), from, config);
                }
                Thresholds t = Thresholds.resolve(
                        PointRole.of(p.kind().name()),
                        p.limits().pOnKw(),
                        p.limits().pRefKw(),
                        p.limits().pHiKw(),
                        p.limits().rLow(),
                        derived,
                        config.stateSettings());
                Inputs in = inputs.get(p.id());
                data.put(
                        p.id(),
                        new PointData(
                                p,
                                t,
                                s,
                                Optional.of(aggregate(p, in, from, to)),
                                new DeviceTotals(in.hourly, in.daily)));
            }
            stacks.values().forEach(s -> horizon(s, grid, now, offline, null));
            return new EnterpriseData(a, grid, data, stacks, devices, now, quarantine(c, a, from, to));
        }
    }

    /**
     * The electric quantity and meter of CP key {@code key} ({@code e20301-Rtd}): parsed once per distinct key, since
     * every item of every record a rule evaluation reads comes through here. Keys come from devices, so the memo
     * stops growing at {@link #CODES_REMEMBERED}.
     */
    private Optional<FactorCodes.Electric> electric(String key) {
        Optional<FactorCodes.Electric> e = electricCodes.get(key);
        if (e == null) {
            e = codes.electric(key);
            if (electricCodes.size() < CODES_REMEMBERED) {
                electricCodes.put(key, e);
            }
        }
        return e;
    }

    /** One point's readings for the aggregation. */
    private static final class Inputs {
        final List<Reading> register = new ArrayList<>();
        final List<Reading> intervals = new ArrayList<>();
        final Map<String, List<Reading>> quantities = new LinkedHashMap<>();
        final Map<LocalDateTime, BigDecimal> hourly = new LinkedHashMap<>();
        final Map<LocalDate, BigDecimal> daily = new LinkedHashMap<>();
    }

    /**
     * The device-sent hourly (2061) and daily (2031) EP_IMPORT {@code -Cou} totals of the DTU's points (DQ-20): hours
     * starting in [from, to), days starting in [from's day, to) (D1: DataTime = the period's start). A daily record
     * not stamped at midnight is not a day's total and is left out.
     */
    private void totals(
            Connection c,
            String mn,
            Map<Integer, String> meters,
            LocalDateTime from,
            LocalDateTime to,
            Map<String, Inputs> inputs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select cn, data_time, cp::text from record where mn = ?"
                + " and cn in ('2061', '2031') and data_time >= ? and data_time < ? order by data_time, cn")) {
            ps.setString(1, mn);
            ps.setObject(2, from.toLocalDate().atStartOfDay());
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cn = rs.getString(1);
                    LocalDateTime t = rs.getObject(2, LocalDateTime.class);
                    boolean hourly = cn.equals("2061");
                    if ((hourly && t.isBefore(from))
                            || (!hourly && !t.toLocalTime().equals(LocalTime.MIDNIGHT))) {
                        continue;
                    }
                    cp(rs.getString(3)).forEach((key, value) -> {
                        if (!key.endsWith("-Cou")) {
                            return;
                        }
                        Optional<FactorCodes.Electric> e = electric(key);
                        if (e.isEmpty() || !e.get().quantity().equals("EP_IMPORT")) {
                            return;
                        }
                        Inputs in = inputs.get(meters.get(e.get().meter()));
                        BigDecimal v = decimal(value);
                        if (in == null || v == null) {
                            return;
                        }
                        if (hourly) {
                            in.hourly.put(t, v);
                        } else {
                            in.daily.put(t.toLocalDate(), v);
                        }
                    });
                }
            }
        }
    }

    private static void take(Row r, int i, Item it, Series s, Inputs in) {
        String quantity = it.electric().quantity();
        if (r.cn().equals("2051")) {
            if (quantity.equals("EP_IMPORT") && it.suffix().equals("Cou") && it.reading() != null) {
                in.intervals.add(it.reading());
            }
            return;
        }
        if (it.suffix().equals("Flag")) {
            if (i >= 0) {
                s.flag(i, quantity, it.value());
            }
            return;
        }
        if (!it.suffix().equals("Rtd")) {
            return;
        }
        if (it.reading() != null) {
            (quantity.equals("EP_IMPORT")
                            ? in.register
                            : in.quantities.computeIfAbsent(quantity, q -> new ArrayList<>()))
                    .add(it.reading());
        }
        if (i >= 0) {
            s.set(
                    i,
                    quantity,
                    it.reading() == null ? Double.NaN : it.reading().value().doubleValue());
        }
    }

    /**
     * An electric CP item of a record, decoded once when the record is read (a kept record is used by many ticks).
     *
     * @param code the factor code without suffix ({@code e20301})
     * @param reading the value as a number at the record's DataTime, or null when it is not one (or not needed)
     */
    record Item(String code, FactorCodes.Electric electric, String suffix, String value, Reading reading) {}

    /** The electric items of a record's CP. */
    private List<Item> electricItems(LocalDateTime time, Map<String, String> cp) {
        List<Item> out = new ArrayList<>(cp.size());
        cp.forEach((key, value) -> {
            Optional<FactorCodes.Electric> e = electric(key);
            if (e.isEmpty()) {
                return;
            }
            int dash = key.indexOf('-');
            String suffix = dash < 0 ? "" : key.substring(dash + 1);
            BigDecimal v = suffix.equals("Rtd") || suffix.equals("Cou") ? decimal(value) : null;
            out.add(new Item(
                    key.substring(0, dash < 0 ? key.length() : dash),
                    e.get(),
                    suffix,
                    value,
                    v == null ? null : new Reading(time, v)));
        });
        return List.copyOf(out);
    }

    private PointAggregate aggregate(SiteArchive.Point p, Inputs in, LocalDateTime from, LocalDateTime to) {
        BigDecimal cap = CAP_FACTOR
                .multiply(SQRT3)
                .multiply(BigDecimal.valueOf(p.voltageV()))
                .multiply(p.ct().primary())
                .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
        LocalDate first = from.toLocalDate();
        LocalDate last = to.minusNanos(1).toLocalDate();
        return aggregator.aggregate(
                new PointInput(in.register, in.intervals, in.quantities, Register.dlt645(cap)), first, last);
    }

    /**
     * Where "missing" ends and "not yet" begins (rulebook §0): after the latest record, instants count as missing
     * only once the point is declared offline (DQ-06: silent for longer than {@code dq.offlineMin}).
     */
    private static void horizon(Series s, Grid grid, LocalDateTime now, Duration offline, LocalDateTime deviceLatest) {
        int latest = s.latest();
        LocalDateTime last = latest >= 0 ? grid.time(latest) : deviceLatest;
        int nowIndex = grid.ceil(now.plusSeconds(1));
        if (last == null || now.isAfter(last.plus(offline))) {
            s.knownUntil(nowIndex);
        } else {
            s.knownUntil(Math.min(nowIndex, latest + 1));
        }
    }

    private static int snapped(Grid grid, LocalDateTime t, Duration snap) {
        long step = grid.step().toSeconds();
        long s = Duration.between(grid.from(), t).toSeconds();
        long below = Math.floorDiv(s, step) * step;
        long at;
        if (s - below <= snap.toSeconds()) {
            at = below;
        } else if (below + step - s <= snap.toSeconds()) {
            at = below + step;
        } else {
            return -1;
        }
        long i = at / step;
        return i < 0 || i >= grid.size() ? -1 : (int) i;
    }

    /** The records of {@code mn} with DataTime in [from, to], through {@code recent} when given. */
    private List<Row> rows(RecentRecords recent, Connection c, String mn, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        // DataTimes are stored to the microsecond: [from, to] is [from, to + 1 µs)
        LocalDateTime until = to.plusNanos(1_000);
        return recent == null ? store.between(c, mn, from, until) : recent.rows(c, mn, from, until);
    }

    /** The store's 2011 and 2051 records, as {@link RecentRecords} reads them. */
    RecentRecords.Store store() {
        return store;
    }

    private static final String COLUMNS =
            "select cn, data_time, cp::text, received_at from record" + " where mn = ? and cn in ('2011', '2051') and ";

    private final RecentRecords.Store store = new RecentRecords.Store() {

        @Override
        public List<Row> between(Connection c, String mn, LocalDateTime from, LocalDateTime until) throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement(COLUMNS + "data_time >= ? and data_time < ? order by data_time, cn")) {
                ps.setString(1, mn);
                ps.setObject(2, from);
                ps.setObject(3, until);
                return read(ps);
            }
        }

        @Override
        public List<Row> at(Connection c, String mn, java.util.Collection<LocalDateTime> times) throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement(COLUMNS + "data_time = any(?::timestamp[]) order by data_time, cn")) {
                ps.setString(1, mn);
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "text",
                                times.stream().map(LocalDateTime::toString).toArray()));
                return read(ps);
            }
        }

        private List<Row> read(PreparedStatement ps) throws SQLException {
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime time = rs.getObject(2, LocalDateTime.class);
                    Map<String, String> cp = cp(rs.getString(3));
                    out.add(new Row(
                            rs.getString(1), time, cp, rs.getTimestamp(4).toInstant(), electricItems(time, cp)));
                }
            }
            return out;
        }
    };

    private DeviceFacts facts(
            Connection c, String mn, List<String> unregistered, LocalDateTime from, LocalDateTime to, SiteArchive a)
            throws SQLException {
        LocalDateTime networked = null;
        try (PreparedStatement ps = c.prepareStatement("select registered_at from device where mn = ?")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    networked = LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), a.zone());
                }
            }
        }
        LocalDateTime latest = null;
        try (PreparedStatement ps =
                c.prepareStatement("select max(data_time) from record where mn = ? and cn = '2011'")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                latest = rs.getObject(1, LocalDateTime.class);
            }
        }
        long frames = 0;
        long rejected = 0;
        try (PreparedStatement ps = c.prepareStatement("select verdict, count(*) from evidence where mn = ?"
                + " and received_at >= ? and received_at < ? group by verdict")) {
            ps.setString(1, mn);
            ps.setTimestamp(2, Timestamp.from(from.atZone(a.zone()).toInstant()));
            ps.setTimestamp(3, Timestamp.from(to.atZone(a.zone()).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    frames += rs.getLong(2);
                    if (rs.getString(1).equals("REJECTED")) {
                        rejected += rs.getLong(2);
                    }
                }
            }
        }
        return new DeviceFacts(
                mn, networked == null ? from : networked, Optional.ofNullable(latest), frames, rejected, unregistered);
    }

    /** DataTimes of the device's real-time records in [from, to) received more than dtu.retentionDays after them. */
    private static List<LocalDateTime> beyondRetention(
            Connection c, String mn, LocalDateTime from, LocalDateTime to, SiteArchive a, RuleConfig.Values config)
            throws SQLException {
        List<LocalDateTime> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select data_time from record where mn = ? and cn = '2011'"
                + " and data_time >= ? and data_time < ?"
                + " and received_at > (data_time at time zone ?) + make_interval(days => ?) order by data_time")) {
            ps.setString(1, mn);
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setString(4, a.zone().getId());
            ps.setInt(5, config.count("dtu.retentionDays"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, LocalDateTime.class));
                }
            }
        }
        return out;
    }

    /**
     * The MNs unknown to the registry whose frames the ingest quarantined in [from, to) (DQ-15 unregisteredMn), each
     * with the PW and meter numbers of its latest frame, and the archived DTUs of the whole platform with one of those
     * PWs (when none was quarantined, nothing is read beyond the one query).
     */
    private Quarantine quarantine(Connection c, SiteArchive a, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        List<Quarantine.UnknownMn> unknown = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select q.mn, min(q.received_at), max(q.received_at), count(*),"
                + " (select e.raw from quarantine l join evidence e"
                + " on e.id = l.evidence_id and e.received_at = l.received_at"
                + " where l.mn = q.mn and l.reason = 'UNKNOWN_MN' and l.received_at >= ? and l.received_at < ?"
                + " order by l.received_at desc limit 1)"
                + " from quarantine q where q.reason = 'UNKNOWN_MN' and q.mn is not null"
                + " and q.received_at >= ? and q.received_at < ? group by q.mn order by q.mn")) {
            Timestamp f = Timestamp.from(from.atZone(a.zone()).toInstant());
            Timestamp t = Timestamp.from(to.atZone(a.zone()).toInstant());
            ps.setTimestamp(1, f);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, f);
            ps.setTimestamp(4, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<DataUpload> latest = upload(rs.getBytes(5));
                    if (latest.isEmpty() || latest.get().header().pw() == null) {
                        continue; // no PW, no data items: nothing to tie it by
                    }
                    Set<Integer> meters = new java.util.TreeSet<>();
                    latest.get()
                            .cp()
                            .items()
                            .forEach(item -> item.pairs()
                                    .forEach(
                                            pair -> codes.electric(pair.name()).ifPresent(x -> meters.add(x.meter()))));
                    unknown.add(new Quarantine.UnknownMn(
                            rs.getString(1),
                            LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), a.zone()),
                            LocalDateTime.ofInstant(rs.getTimestamp(3).toInstant(), a.zone()),
                            rs.getLong(4),
                            latest.get().header().pw(),
                            meters));
                }
            }
        }
        if (unknown.isEmpty()) {
            return Quarantine.EMPTY;
        }
        List<Quarantine.ArchivedDtu> dtus = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select d.mn, d.enterprise_id, d.registered_at, d.pw,"
                + " (select min(e.received_at) from evidence e where e.mn = d.mn),"
                + " array(select m.meter_number from device_meter m where m.mn = d.mn order by 1)"
                + " from device d join archive_device x on x.mn = d.mn"
                + " where x.kind = 'DTU' and d.pw = any (?) order by d.mn")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            unknown.stream()
                                    .map(Quarantine.UnknownMn::pw)
                                    .distinct()
                                    .toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp heard = rs.getTimestamp(5);
                    Set<Integer> meters = new java.util.TreeSet<>();
                    for (Object m : (Object[]) rs.getArray(6).getArray()) {
                        meters.add(((Number) m).intValue());
                    }
                    dtus.add(new Quarantine.ArchivedDtu(
                            rs.getString(1),
                            rs.getString(2),
                            LocalDateTime.ofInstant(rs.getTimestamp(3).toInstant(), a.zone()),
                            Optional.ofNullable(heard).map(h -> LocalDateTime.ofInstant(h.toInstant(), a.zone())),
                            rs.getString(4),
                            meters));
                }
            }
        }
        return new Quarantine(unknown, dtus);
    }

    /** The upload a stored frame carries, if it decodes as one (leniently: it was quarantined, not judged). */
    private static Optional<DataUpload> upload(byte[] raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Decoded d = Hj212Codec.lenient().decode(raw);
        return d instanceof Decoded.Ok ok && ok.message() instanceof DataUpload u ? Optional.of(u) : Optional.empty();
    }

    /** Per meter of the DTU that ever sent its power, the DataTime of the latest such record. */
    private Map<String, LocalDateTime> pointsLatest(Connection c, SiteArchive.Dtu d) throws SQLException {
        Map<String, LocalDateTime> out = new LinkedHashMap<>();
        for (SiteArchive.Meter m : d.meters()) {
            Optional<String> code = codes.electricCode("P", m.number());
            if (code.isEmpty()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select max(data_time) from record where mn = ?" + " and cn = '2011' and cp->>? is not null")) {
                ps.setString(1, d.mn());
                ps.setString(2, code.get() + "-Rtd");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    LocalDateTime t = rs.getObject(1, LocalDateTime.class);
                    if (t != null) {
                        out.put(m.pointId(), t);
                    }
                }
            }
        }
        return out;
    }

    /**
     * ST-04's derived reference: over the {@code state.refWindowDays} before the first day of the month of
     * {@code from} (recomputed monthly, never retroactively); a point with none yet tries the days before
     * {@code from}'s day instead, until one exists.
     */
    private OptionalDouble reference(Connection c, String mn, int meter, LocalDateTime from, RuleConfig.Values config)
            throws SQLException {
        LocalDateTime month = from.toLocalDate().withDayOfMonth(1).atStartOfDay();
        OptionalDouble r = referenceUntil(c, mn, meter, month, config);
        return r.isPresent()
                ? r
                : referenceUntil(c, mn, meter, from.toLocalDate().atStartOfDay(), config);
    }

    private OptionalDouble referenceUntil(
            Connection c, String mn, int meter, LocalDateTime until, RuleConfig.Values config) throws SQLException {
        String key = mn + "/" + meter + "/" + until;
        OptionalDouble cached = references.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> code = codes.electricCode("P", meter);
        if (code.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> window = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select cp->>?, cp->>? from record where mn = ? and cn = '2011'"
                + " and data_time >= ? and data_time < ?")) {
            ps.setString(1, code.get() + "-Rtd");
            ps.setString(2, code.get() + "-Flag");
            ps.setString(3, mn);
            ps.setObject(4, until.minusDays(config.count("state.refWindowDays")));
            ps.setObject(5, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String flag = rs.getString(2);
                    BigDecimal v = rs.getString(1) == null ? null : decimal(rs.getString(1));
                    if (v != null && (flag == null || flag.equals("N") || flag.equals("T"))) {
                        window.add(v.doubleValue());
                    }
                }
            }
        }
        OptionalDouble r = ReferencePower.of(window, config.number("state.pFloorKw"));
        references.put(key, r);
        return r;
    }

    private static Map<String, String> cp(String json) {
        try {
            return JSON.readValue(json, CP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record that is not JSON: " + e.getMessage(), e);
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String s) {
        BigDecimal d = decimal(s);
        return d == null ? Double.NaN : d.doubleValue();
    }
}
