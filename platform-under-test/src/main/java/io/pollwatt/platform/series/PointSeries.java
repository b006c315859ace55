package io.pollwatt.platform.series;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.Aggregator;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.aggregate.PointInput;
import io.pollwatt.platform.aggregate.Reading;
import io.pollwatt.platform.aggregate.Register;
import io.pollwatt.platform.archive.FactorCodes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads a point's records from the store and aggregates them: the archive says which DTU (MN) and meter number
 * report the point, the factor-code table which codes carry its quantities (the energy register
 * {@code EP_IMPORT-Rtd} of 2011, the interval total {@code EP_IMPORT-Cou} of 2051, the instantaneous
 * {@code -Rtd} values), the point's circuit its physical cap (1.2 × √3 · U_LL · I_CT,primary per hour, DQ-13).
 */
public final class PointSeries {

    /** The quantity whose register gives the energy. */
    static final String ENERGY = "EP_IMPORT";

    private static final BigDecimal CAP_FACTOR = new BigDecimal("1.2"); // dq.physicalCapFactor
    private static final BigDecimal SQRT3 = new BigDecimal("1.7320508075688772");

    private final DataSource db;
    private final FactorCodes codes;
    private final Aggregator aggregator;

    /** Series of the points archived in {@code db}, codes from {@code codes}, aggregated with {@code settings}. */
    public PointSeries(DataSource db, FactorCodes codes, AggregationSettings settings) {
        this.db = Objects.requireNonNull(db, "db");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.aggregator = new Aggregator(settings);
    }

    /** Where a point's data come from: its DTU and meter number, and its circuit's rating. */
    public record Source(String mn, int meter, double voltageV, BigDecimal ctPrimary) {}

    /**
     * One record of a point: its DataTime and CN, and the point's quantities in it, literal values as sent; a
     * quantity's HJ 212 data flag, when sent, under its name with {@code -Flag} ({@code P-Flag}).
     */
    public record Sample(LocalDateTime dataTime, String cn, Map<String, String> values) {}

    /** The source of {@code pointId}, if the archive has the point and a meter reporting it. */
    public Optional<Source> source(String enterpriseId, String pointId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select dm.mn, dm.meter_number, p.voltage_v, p.ct_primary"
                        + " from device_meter dm join point p on p.enterprise_id = dm.enterprise_id and p.id = dm.point_id"
                        + " where dm.enterprise_id = ? and dm.point_id = ?")) {
            ps.setString(1, enterpriseId);
            ps.setString(2, pointId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Source(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getBigDecimal(4)))
                        : Optional.empty();
            }
        }
    }

    /** The point's records with DataTime in [from, to], in DataTime order. */
    public List<Sample> samples(Source source, LocalDateTime from, LocalDateTime to) throws SQLException {
        Map<String, String> byCode = new HashMap<>(); // "g71301-Rtd" → "P"
        codes.electricQuantities()
                .values()
                .forEach(q -> codes.electricCode(q, source.meter()).ifPresent(code -> {
                    byCode.put(code + "-Rtd", q);
                    byCode.put(code + "-Cou", q);
                    byCode.put(code + "-Flag", q + "-Flag");
                }));
        Map<String, Sample> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select r.cn, r.data_time, e.key, e.value"
                        + " from record r, jsonb_each_text(r.cp) e"
                        + " where r.mn = ? and r.cn in ('2011', '2051') and r.data_time between ? and ?"
                        + " and e.key = any(?) order by r.data_time, r.cn")) {
            ps.setString(1, source.mn());
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setArray(4, c.createArrayOf("text", byCode.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cn = rs.getString(1);
                    LocalDateTime t = rs.getObject(2, LocalDateTime.class);
                    String key = rs.getString(3);
                    boolean cou = key.endsWith("-Cou");
                    if (cn.equals("2011") ? cou : !cou) {
                        continue; // 2011 carries -Rtd and -Flag; of 2051 only the interval total is read
                    }
                    out.computeIfAbsent(cn + "/" + t, k -> new Sample(t, cn, new LinkedHashMap<>()))
                            .values()
                            .put(byCode.get(key), rs.getString(4));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** The point's aggregation over the days {@code first} … {@code last}; empty without archive or meter. */
    public Optional<PointAggregate> aggregate(String enterpriseId, String pointId, LocalDate first, LocalDate last)
            throws SQLException {
        Optional<Source> source = source(enterpriseId, pointId);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        // the day after the last is read too: its 00:00 register reading closes the last day (AGG-03)
        List<Sample> samples =
                samples(source.get(), first.atStartOfDay(), last.plusDays(1).atStartOfDay());
        List<Reading> register = new ArrayList<>();
        List<Reading> intervals = new ArrayList<>();
        Map<String, List<Reading>> quantities = new LinkedHashMap<>();
        for (Sample s : samples) {
            s.values().forEach((quantity, text) -> {
                BigDecimal value = number(text);
                if (value == null) {
                    return; // not a number: a data-quality matter for the rules, not a value to average
                }
                Reading r = new Reading(s.dataTime(), value);
                if (s.cn().equals("2051")) {
                    if (quantity.equals(ENERGY)) {
                        intervals.add(r);
                    }
                } else if (quantity.equals(ENERGY)) {
                    register.add(r);
                } else {
                    quantities.computeIfAbsent(quantity, q -> new ArrayList<>()).add(r);
                }
            });
        }
        BigDecimal cap = source.get().ctPrimary() == null
                ? null
                : CAP_FACTOR
                        .multiply(SQRT3)
                        .multiply(BigDecimal.valueOf(source.get().voltageV()))
                        .multiply(source.get().ctPrimary())
                        .divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
        PointInput input = new PointInput(register, intervals, quantities, Register.dlt645(cap));
        return Optional.of(aggregator.aggregate(input, first, last));
    }

    /** The point's latest real-time record (2011), if any. */
    public Optional<Sample> latest(Source source) throws SQLException {
        LocalDateTime last;
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select max(data_time) from record where mn = ? and cn = '2011'")) {
            ps.setString(1, source.mn());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getObject(1, LocalDateTime.class);
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        return samples(source, last, last).stream()
                .filter(x -> x.cn().equals("2011"))
                .findFirst();
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
