package io.pollwatt.platform.rules;

import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.Thresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds one enterprise's data for rule tests, no database: points with entered limits, groups, associations,
 * control periods, and power series written as {@code "0x8 50x16 -x2 0x70"} (value × count; {@code -} missing). A
 * sample with power gets the rest of a consistent three-phase reading (nominal voltages, PF 0.9, currents from S,
 * 50 Hz), which {@link #set} overrides.
 */
public final class EnterpriseFixture {

    public static final LocalDateTime DAY = LocalDateTime.parse("2026-03-02T00:00");

    private final Grid grid;
    private final Map<String, SiteArchive.Point> points = new LinkedHashMap<>();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, Series> stacks = new LinkedHashMap<>();
    private final List<SiteArchive.Group> groups = new ArrayList<>();
    private final List<SiteArchive.Association> associations = new ArrayList<>();
    private final List<SiteArchive.ControlPeriod> controls = new ArrayList<>();
    private final List<SiteArchive.Stack> stackArchive = new ArrayList<>();
    private final List<DeviceFacts> devices = new ArrayList<>();
    private final Map<String, PointAggregate> aggregates = new LinkedHashMap<>();
    private final List<SiteArchive.Maintenance> maintenance = new ArrayList<>();
    private OptionalDouble capacityKva = OptionalDouble.empty();
    private LocalDateTime now;

    private EnterpriseFixture(LocalDateTime from, int samples) {
        this.grid = new Grid(from, samples, Duration.ofMinutes(15));
        this.now = grid.to();
    }

    /** {@code samples} grid instants from {@code from}. */
    public static EnterpriseFixture at(LocalDateTime from, int samples) {
        return new EnterpriseFixture(from, samples);
    }

    /** One day from 2026-03-02 00:00. */
    public static EnterpriseFixture day() {
        return at(DAY, 96);
    }

    public Grid grid() {
        return grid;
    }

    /** A point of {@code kind} with entered P_on and P_ref (kW) on a 400 V, 3P4W, 200/5 circuit. */
    public EnterpriseFixture point(String id, SiteArchive.PointKind kind, double pOn, double pRef) {
        return point(
                id,
                kind,
                new SiteArchive.Limits(
                        OptionalDouble.of(pOn),
                        OptionalDouble.of(pRef),
                        OptionalDouble.empty(),
                        OptionalDouble.empty()),
                "3P4W",
                200);
    }

    /** A point with the given limits, wiring and CT primary (A) on a 400 V circuit. */
    public EnterpriseFixture point(
            String id, SiteArchive.PointKind kind, SiteArchive.Limits limits, String wiring, int ctPrimary) {
        points.put(
                id,
                new SiteArchive.Point(
                        id,
                        id,
                        kind,
                        Optional.empty(),
                        400,
                        wiring,
                        Optional.empty(),
                        "m-" + id,
                        new SiteArchive.Ratio(BigDecimal.valueOf(ctPrimary), BigDecimal.valueOf(5)),
                        limits));
        series.put(id, new Series(id, grid));
        return this;
    }

    public EnterpriseFixture main(String id, double pOn, double pRef) {
        return point(id, SiteArchive.PointKind.MAIN, pOn, pRef);
    }

    public EnterpriseFixture prod(String id, double pOn, double pRef) {
        return point(id, SiteArchive.PointKind.PROD, pOn, pRef);
    }

    public EnterpriseFixture treat(String id, double pOn, double pRef) {
        return point(id, SiteArchive.PointKind.TREAT, pOn, pRef);
    }

    /** A treatment group of which {@code required} members must run. */
    public EnterpriseFixture group(String id, int required, String... members) {
        groups.add(new SiteArchive.Group(id, List.of(members), required));
        return this;
    }

    /** Production {@code prod} needs group (or lone treatment point) {@code group}. */
    public EnterpriseFixture needs(String prod, String group) {
        associations.add(new SiteArchive.Association(prod, group));
        return this;
    }

    /** The enterprise's transformer or contracted capacity, kVA (DQ-14). */
    public EnterpriseFixture capacity(double kva) {
        capacityKva = OptionalDouble.of(kva);
        return this;
    }

    /** A maintenance declaration (OP-03) for {@code group} over grid samples [from, to). */
    public EnterpriseFixture maintenance(String group, int from, int to, boolean approved) {
        maintenance.add(new SiteArchive.Maintenance(group, grid.time(from), grid.time(to), approved, "test"));
        return this;
    }

    public EnterpriseFixture control(SiteArchive.ControlPeriod c) {
        controls.add(c);
        return this;
    }

    /** A stack with its analyzer series (quantities TVOC, VELOCITY, …, set with {@link #stackValue}). */
    public EnterpriseFixture stack(String id, List<String> production, List<String> groups) {
        stackArchive.add(new SiteArchive.Stack(id, 15, production, groups));
        stacks.put(id, new Series(id, grid));
        return this;
    }

    /** Sets an analyzer quantity of a stack over samples written as in {@link #power}. */
    public EnterpriseFixture stackValue(String stackId, String quantity, String pattern) {
        double[] v = fit(pattern);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                stacks.get(stackId).set(i, quantity, v[i]);
            }
        }
        return this;
    }

    public EnterpriseFixture device(DeviceFacts d) {
        devices.add(d);
        return this;
    }

    public EnterpriseFixture aggregate(String pointId, PointAggregate a) {
        aggregates.put(pointId, a);
        return this;
    }

    /** The platform time of the evaluation (default: the end of the grid). */
    public EnterpriseFixture now(LocalDateTime t) {
        this.now = t;
        return this;
    }

    /** The power of {@code pointId} over the grid, e.g. {@code "0x8 50x16 -x2 0x70"}; shorter patterns leave the rest missing. */
    public EnterpriseFixture power(String pointId, String pattern) {
        double[] v = fit(pattern);
        SiteArchive.Point p = points.get(pointId);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                reading(series.get(pointId), p, i, v[i]);
            }
        }
        return this;
    }

    /** Overrides one quantity of one sample. */
    public EnterpriseFixture set(String pointId, int i, String quantity, double value) {
        series.get(pointId).set(i, quantity, value);
        return this;
    }

    /** Sets a quantity's data flag at one sample. */
    public EnterpriseFixture flag(String pointId, int i, String quantity, String flag) {
        series.get(pointId).flag(i, quantity, flag);
        return this;
    }

    /** The series of a point, to adjust it directly. */
    public Series series(String pointId) {
        return series.get(pointId);
    }

    private static void reading(Series s, SiteArchive.Point p, int i, double pKw) {
        double uLl = p.voltageV();
        double un = uLl / Math.sqrt(3);
        double pf = pKw == 0 ? 0 : 0.9;
        double sKva = pKw == 0 ? 0 : Math.abs(pKw) / pf;
        double ia = sKva * 1000 / (Math.sqrt(3) * uLl);
        s.set(i, "P", pKw).set(i, "PA", pKw / 3).set(i, "PB", pKw / 3).set(i, "PC", pKw / 3);
        s.set(i, "S", sKva).set(i, "PF", pf).set(i, "F", 50.0);
        s.set(i, "IA", ia).set(i, "IB", ia).set(i, "IC", ia);
        s.set(i, "UA", un).set(i, "UB", un).set(i, "UC", un);
        s.set(i, "UAB", uLl).set(i, "UBC", uLl).set(i, "UCA", uLl);
    }

    private double[] fit(String pattern) {
        double[] v = expand(pattern);
        if (v.length > grid.size()) {
            throw new IllegalArgumentException(
                    "pattern '" + pattern + "' has " + v.length + " samples, the grid " + grid.size());
        }
        return v;
    }

    /** {@code "50x4 - 3.5x2"}: 50 four times, one missing, 3.5 twice. */
    public static double[] expand(String pattern) {
        List<Double> out = new ArrayList<>();
        for (String part : pattern.trim().split("\\s+")) {
            int x = part.lastIndexOf('x');
            String value = x < 0 ? part : part.substring(0, x);
            int n = x < 0 ? 1 : Integer.parseInt(part.substring(x + 1));
            double v = value.equals("-") ? Double.NaN : Double.parseDouble(value);
            for (int k = 0; k < n; k++) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The enterprise's archive as built. */
    public SiteArchive archive() {
        return new SiteArchive(
                "E1",
                "fixture",
                "district",
                "industry",
                ZoneId.of("Asia/Shanghai"),
                List.copyOf(points.values()),
                groups,
                associations,
                controls,
                stackArchive,
                List.of(),
                List.of(),
                List.of(),
                capacityKva,
                maintenance);
    }

    /** The data, thresholds from the entered limits (derived from nothing where none were entered). */
    public EnterpriseData build(RuleConfig.Values config) {
        Map<String, PointData> data = new LinkedHashMap<>();
        points.forEach((id, p) -> data.put(
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
                        series.get(id),
                        Optional.ofNullable(aggregates.get(id)))));
        return new EnterpriseData(archive(), grid, data, stacks, devices, now);
    }

    /** Evaluates {@code rules} with the rulebook's defaults. */
    public List<Finding> run(Rule... rules) {
        return run(RuleConfig.defaults(), rules);
    }

    /** Evaluates {@code rules} with {@code config}. */
    public List<Finding> run(RuleConfig config, Rule... rules) {
        RuleConfig.Values v = config.forEnterprise("E1");
        return new RuleEngine(List.of(rules)).evaluate(build(v), v);
    }
}
