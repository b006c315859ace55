package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.Aggregator;
import io.pollwatt.platform.aggregate.PointInput;
import io.pollwatt.platform.aggregate.Reading;
import io.pollwatt.platform.aggregate.Register;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.DeviceTotals;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Grid;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * A multi-day enterprise for the day-level rules, built the way the loader does it: each point's power per 15-minute
 * sample, a register that advances by that power × Δ (plus injected energy, resets and jumps), both fed through the
 * real {@link Aggregator} over the days, with the closing reading at the last day's 24:00.
 */
final class DayPlant {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    static final int PER_DAY = 96;

    private final int days;
    private final Grid grid;
    private final Map<String, SiteArchive.Point> points = new LinkedHashMap<>();
    private final Map<String, double[]> power = new HashMap<>();
    private final Map<String, Map<Integer, BigDecimal>> extra = new HashMap<>();
    private final Map<String, Map<Integer, BigDecimal>> absolute = new HashMap<>();
    private final Map<String, Map<Integer, BigDecimal>> intervalExtra = new HashMap<>();
    private final Map<String, BigDecimal> registerStart = new HashMap<>();
    private final Map<String, Boolean> intervals = new HashMap<>();
    private final List<SiteArchive.Group> groups = new ArrayList<>();
    private final List<SiteArchive.Association> associations = new ArrayList<>();
    private final List<SiteArchive.ControlPeriod> controls = new ArrayList<>();
    private final Map<String, List<Reading>> extraReadings = new HashMap<>();
    private final Map<String, Map<LocalDateTime, BigDecimal>> deviceHourly = new HashMap<>();
    private final Map<String, Map<LocalDate, BigDecimal>> deviceDaily = new HashMap<>();
    private LocalDateTime now;
    private boolean closing = true;
    private String dtu;
    private final List<DeviceFacts.Receipt> receipts = new ArrayList<>();

    private OptionalDouble capacityKva = OptionalDouble.empty();

    private DayPlant(int days) {
        this.days = days;
        this.grid = new Grid(FIRST.atStartOfDay(), days * PER_DAY, Duration.ofMinutes(15));
        this.now = grid.to();
    }

    static DayPlant days(int days) {
        return new DayPlant(days);
    }

    static LocalDateTime dayStart(int day) {
        return FIRST.plusDays(day).atStartOfDay();
    }

    static LocalDateTime at(int sample) {
        return FIRST.atStartOfDay().plusMinutes(15L * sample);
    }

    /** A point on a 400 V 3P4W circuit with a CT {@code ctPrimary}/5, limits as given (NaN: not entered). */
    DayPlant point(String id, SiteArchive.PointKind kind, double pOn, double pRef, int ctPrimary, String parent) {
        points.put(
                id,
                new SiteArchive.Point(
                        id,
                        id,
                        kind,
                        Optional.ofNullable(parent),
                        400,
                        "3P4W",
                        Optional.empty(),
                        "m-" + id,
                        new SiteArchive.Ratio(BigDecimal.valueOf(ctPrimary), BigDecimal.valueOf(5)),
                        new SiteArchive.Limits(opt(pOn), opt(pRef), OptionalDouble.empty(), OptionalDouble.empty())));
        power.put(id, new double[grid.size()]);
        registerStart.put(id, new BigDecimal("1000.00"));
        return this;
    }

    DayPlant point(String id, SiteArchive.PointKind kind, double pOn, double pRef) {
        return point(id, kind, pOn, pRef, 200, null);
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Power of every sample, kW (NaN: the record is missing). */
    DayPlant power(String id, IntToDoubleFunction kw) {
        double[] p = power.get(id);
        for (int i = 0; i < p.length; i++) {
            p[i] = kw.applyAsDouble(i);
        }
        return this;
    }

    /** Extra energy (kWh) in the step after sample {@code sample}: reading sample+1 and all later ones rise by it. */
    DayPlant addEnergy(String id, int sample, String kWh) {
        extra.computeIfAbsent(id, k -> new HashMap<>()).merge(sample, new BigDecimal(kWh), BigDecimal::add);
        return this;
    }

    /** The register reads {@code value} at {@code reading} (index 0 … days·96) and advances from there. */
    DayPlant registerAt(String id, int reading, String value) {
        absolute.computeIfAbsent(id, k -> new HashMap<>()).put(reading, new BigDecimal(value));
        return this;
    }

    DayPlant registerStart(String id, String value) {
        registerStart.put(id, new BigDecimal(value));
        return this;
    }

    /** The point also sends 15-minute interval totals (2051 {@code -Cou}); {@code add} shifts one of them. */
    DayPlant intervals(String id) {
        intervals.put(id, true);
        return this;
    }

    DayPlant intervalExtra(String id, int sample, String kWh) {
        intervalExtra.computeIfAbsent(id, k -> new HashMap<>()).put(sample, new BigDecimal(kWh));
        return this;
    }

    /** An additional raw P reading (as received, possibly off the grid or a duplicate). */
    DayPlant rawPower(String id, LocalDateTime t, String kw) {
        extraReadings.computeIfAbsent(id, k -> new ArrayList<>()).add(Reading.of(t, kw));
        return this;
    }

    /** The device's own hourly total (2061 {@code -Cou}) of the hour starting at {@code hour}. */
    DayPlant deviceHourly(String id, LocalDateTime hour, String kWh) {
        deviceHourly.computeIfAbsent(id, k -> new HashMap<>()).put(hour, new BigDecimal(kWh));
        return this;
    }

    /** The device's own daily total (2031 {@code -Cou}) of {@code day}. */
    DayPlant deviceDaily(String id, LocalDate day, String kWh) {
        deviceDaily.computeIfAbsent(id, k -> new HashMap<>()).put(day, new BigDecimal(kWh));
        return this;
    }

    DayPlant group(String id, int required, String... members) {
        groups.add(new SiteArchive.Group(id, List.of(members), required));
        return this;
    }

    DayPlant needs(String prod, String group) {
        associations.add(new SiteArchive.Association(prod, group));
        return this;
    }

    DayPlant control(SiteArchive.ControlPeriod c) {
        controls.add(c);
        return this;
    }

    /** Archives every point behind one DTU {@code mn}, meter numbers in the order the points were added. */
    DayPlant dtu(String mn) {
        this.dtu = mn;
        return this;
    }

    /** The DTU's real-time record stamped {@code dataTime} reached the platform at {@code receivedAt} (DQ-18). */
    DayPlant received(LocalDateTime dataTime, LocalDateTime receivedAt) {
        receipts.add(new DeviceFacts.Receipt(dataTime, receivedAt));
        return this;
    }

    /** Leaves out the reading at the last day's 24:00: the last day is not closed by data. */
    DayPlant withoutClosingReading() {
        this.closing = false;
        return this;
    }

    /** The enterprise's transformer or contracted capacity, kVA (DQ-14). */
    DayPlant capacity(double kva) {
        this.capacityKva = OptionalDouble.of(kva);
        return this;
    }

    DayPlant now(LocalDateTime t) {
        this.now = t;
        return this;
    }

    EnterpriseData build(RuleConfig.Values config) {
        SiteArchive archive = new SiteArchive(
                "E1",
                "day plant",
                "district",
                "industry",
                ZoneId.of("Asia/Shanghai"),
                List.copyOf(points.values()),
                groups,
                associations,
                controls,
                List.of(),
                List.of(),
                dtu == null ? List.of() : List.of(new SiteArchive.Dtu(dtu, "123456", meters())),
                List.of(),
                capacityKva,
                List.of());
        Map<String, PointData> data = new LinkedHashMap<>();
        Aggregator aggregator = new Aggregator(new AggregationSettings(
                Duration.ofMinutes(15),
                Duration.ofMinutes(2),
                AggregationSettings.EnergySource.REGISTER,
                AggregationSettings.TimeLabel.START,
                3,
                20,
                config.count("dq.registerMismatchSteps")));
        points.forEach((id, p) -> {
            double[] kw = power.get(id);
            Series series = new Series(id, grid);
            List<Reading> pReadings = new ArrayList<>();
            List<Reading> register = new ArrayList<>();
            List<Reading> totals = new ArrayList<>();
            BigDecimal e = registerStart.get(id);
            Map<Integer, BigDecimal> abs = absolute.getOrDefault(id, Map.of());
            Map<Integer, BigDecimal> add = extra.getOrDefault(id, Map.of());
            Map<Integer, BigDecimal> addIv = intervalExtra.getOrDefault(id, Map.of());
            for (int k = 0; k <= grid.size(); k++) {
                if (abs.containsKey(k)) {
                    e = abs.get(k);
                }
                boolean present = k == grid.size() ? closing : !Double.isNaN(kw[k]);
                if (present) {
                    register.add(new Reading(at(k), e));
                }
                if (k < grid.size()) {
                    double pk = Double.isNaN(kw[k]) ? 0 : kw[k];
                    if (!Double.isNaN(kw[k])) {
                        series.set(k, "P", kw[k]);
                        pReadings.add(new Reading(at(k), BigDecimal.valueOf(kw[k])));
                    }
                    BigDecimal inc = BigDecimal.valueOf(pk * 0.25).setScale(2, RoundingMode.HALF_UP);
                    if (intervals.getOrDefault(id, false) && !Double.isNaN(kw[k])) {
                        totals.add(new Reading(at(k), inc.add(addIv.getOrDefault(k, BigDecimal.ZERO))));
                    }
                    e = e.add(inc).add(add.getOrDefault(k, BigDecimal.ZERO));
                }
            }
            pReadings.addAll(extraReadings.getOrDefault(id, List.of()));
            double rated = Math.sqrt(3) * 0.4 * p.ct().primary().doubleValue();
            Register meter = Register.dlt645(BigDecimal.valueOf(config.number("dq.physicalCapFactor") * rated));
            var aggregate = aggregator.aggregate(
                    new PointInput(register, totals, Map.of("P", pReadings), meter), FIRST, FIRST.plusDays(days - 1));
            data.put(
                    id,
                    new PointData(
                            p,
                            Thresholds.resolve(
                                    PointRole.of(p.kind().name()),
                                    p.limits().pOnKw(),
                                    p.limits().pRefKw(),
                                    p.limits().pHiKw(),
                                    p.limits().rLow(),
                                    OptionalDouble.empty(),
                                    config.stateSettings()),
                            series,
                            Optional.of(aggregate),
                            new DeviceTotals(
                                    deviceHourly.getOrDefault(id, Map.of()), deviceDaily.getOrDefault(id, Map.of()))));
        });
        List<DeviceFacts> devices = dtu == null
                ? List.of()
                : List.of(new DeviceFacts(
                        dtu,
                        FIRST.minusDays(30).atStartOfDay(),
                        Optional.of(grid.to()),
                        receipts.size(),
                        0,
                        List.of(),
                        null,
                        List.of(),
                        receipts));
        return new EnterpriseData(archive, grid, data, Map.of(), devices, now);
    }

    private List<SiteArchive.Meter> meters() {
        List<SiteArchive.Meter> out = new ArrayList<>();
        for (String id : points.keySet()) {
            out.add(new SiteArchive.Meter(out.size() + 1, id));
        }
        return out;
    }

    List<Finding> run(Rule... rules) {
        return run(RuleConfig.defaults(), rules);
    }

    List<Finding> run(RuleConfig config, Rule... rules) {
        RuleConfig.Values v = config.forEnterprise("E1");
        return new RuleEngine(List.of(rules)).evaluate(build(v), v);
    }

    List<Finding> runAll() {
        return run(DqDayRules.all().toArray(Rule[]::new));
    }

    List<Finding> runAll(RuleConfig config) {
        return run(config, DqDayRules.all().toArray(Rule[]::new));
    }

    static Map<String, String> cfg(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
