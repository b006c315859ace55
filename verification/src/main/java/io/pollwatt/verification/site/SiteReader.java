package io.pollwatt.verification.site;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.site.Association;
import io.pollwatt.twin.site.Circuit;
import io.pollwatt.twin.site.ControlPeriod;
import io.pollwatt.twin.site.CtRatio;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.JudgementLimits;
import io.pollwatt.twin.site.LoadProfile;
import io.pollwatt.twin.site.Meter;
import io.pollwatt.twin.site.PtRatio;
import io.pollwatt.twin.site.ReportedEnergy;
import io.pollwatt.twin.site.Shift;
import io.pollwatt.twin.site.Stack;
import io.pollwatt.twin.site.TreatmentGroup;
import io.pollwatt.twin.site.VocAnalyzer;
import io.pollwatt.verification.site.Node.Entry;
import io.pollwatt.verification.site.Node.Loc;
import io.pollwatt.verification.site.Node.MapNode;
import io.pollwatt.verification.site.Node.ScalarNode;
import io.pollwatt.verification.site.Node.SeqNode;
import io.pollwatt.verification.site.SiteError.Code;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the node tree of one site file into a {@link SiteFile}, collecting every problem instead of stopping at the
 * first (style.md §7). Three passes:
 *
 * <ol>
 *   <li>each entry's own keys, types and values, building the twin's record for it when they are right (a record's
 *       constructor that still refuses is reported at the entry, with the twin's message);
 *   <li>references between entries (parents, group members, associations, stacks, fault targets, archive ids),
 *       checked against every id declared anywhere in the file, so one bad entry does not cascade;
 *   <li>when nothing was wrong, the {@link Enterprise}, whose own cross-checks are mapped back to the entries they
 *       name.
 * </ol>
 *
 * The keys, defaults and units are those of docs/site-format.md.
 */
final class SiteReader {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final double DEFAULT_VOLTAGE_V = 380;
    static final double HIGH_VOLTAGE_FROM_V = 1000;
    static final double DEFAULT_ACCURACY_PERCENT = 2;
    static final double DEFAULT_REGISTER_MAX_KWH = 999_999.99;
    static final double DEFAULT_PF = 0.85;
    static final double DEFAULT_RESISTIVE_PF = 1.0;
    static final double DEFAULT_VARIATION_PERCENT = 4;
    static final double DEFAULT_BACKGROUND_TVOC = 1.0;
    static final double DEFAULT_VELOCITY_MS = 10;
    static final double DEFAULT_TEMPERATURE_C = 35;
    static final double DEFAULT_PRESSURE_KPA = 101.3;
    static final double DEFAULT_HUMIDITY_PERCENT = 5;

    static final List<String> SITE_KEYS = List.of(
            "id",
            "name",
            "district",
            "industry",
            "zone",
            "shifts",
            "points",
            "groups",
            "associations",
            "controlPeriods",
            "stacks",
            "faults",
            "archive",
            "devices",
            "templates",
            "capacityKva",
            "maintenance");
    /**
     * Archive-only keys the twin accepts and does not read (the platform's ArchiveReader checks them): the top-level
     * {@code capacityKva} and {@code maintenance}, the limits on other quantities than P, a period's
     * {@code allowedLines}. They describe the archive, not what the simulated plant does.
     */
    static final List<String> ARCHIVE_ONLY_KEYS =
            List.of("capacityKva", "maintenance", "iMaxA", "uMinV", "uMaxV", "pfMin", "allowedLines");

    static final List<String> POINT_KEYS =
            List.of("id", "name", "kind", "parent", "circuit", "meter", "load", "limits");
    static final List<String> CIRCUIT_KEYS = List.of("voltage", "wiring", "pt");
    static final List<String> METER_KEYS = List.of("id", "ct", "configuredCt", "accuracy", "registerMaxKwh", "energy");
    static final List<String> LOAD_KEYS = List.of("shape", "ratedKw", "pf", "variation", "cycle", "duty", "idleKw");
    static final List<String> LIMIT_KEYS =
            List.of("pOnKw", "pRefKw", "pHiKw", "rLow", "iMaxA", "uMinV", "uMaxV", "pfMin");
    static final List<String> GROUP_KEYS = List.of("id", "members", "required", "lead", "lag");
    static final List<String> ASSOCIATION_KEYS = List.of("production", "groups");
    static final List<String> PERIOD_KEYS =
            List.of("kind", "start", "end", "duration", "limitRatio", "production", "allowedLines");
    static final List<String> STACK_KEYS = List.of("id", "height", "production", "groups", "analyzer");
    static final List<String> ANALYZER_KEYS =
            List.of("rawTvoc", "efficiency", "background", "velocity", "temperature", "pressure", "humidity");
    static final List<String> FAULT_KEYS = List.of("kind", "target", "start", "end", "duration");
    static final List<String> ARCHIVE_KEYS = List.of("notArchived", "points", "unmetered");
    static final List<String> ARCHIVED_POINT_KEYS = List.of("id", "name", "kind", "ct", "pt", "wiring");
    static final List<String> UNMETERED_KEYS = List.of("name", "kind");
    static final List<String> DEVICE_KEYS = List.of("mn", "pw", "points", "stack");

    static final Map<String, Wiring> WIRINGS =
            Map.of("3P4W", Wiring.THREE_PHASE_FOUR_WIRE, "3P3W", Wiring.THREE_PHASE_THREE_WIRE);

    private static final int MAX_CANDIDATES = 6;
    private static final Pattern NAMED_ID =
            Pattern.compile("(?:point|parent|group|stack|meter|names|member)\\s+([A-Za-z0-9_-]{1,32})");

    private final Errors errors;
    private String siteId;
    private ZoneId zone = DEFAULT_ZONE;
    private final List<Shift> shifts = new ArrayList<>();
    private final List<PointDraft> points = new ArrayList<>();
    private final List<GroupDraft> groups = new ArrayList<>();
    private final List<AssociationDraft> associations = new ArrayList<>();
    private final List<PeriodDraft> periods = new ArrayList<>();
    private final List<StackDraft> stacks = new ArrayList<>();
    private final List<FaultDraft> faults = new ArrayList<>();
    private final List<Ref> notArchived = new ArrayList<>();
    private final List<ArchivedDraft> archivedPoints = new ArrayList<>();
    private final List<Archive.UnmeteredFacility> unmetered = new ArrayList<>();
    private final List<DeviceDraft> devices = new ArrayList<>();
    private boolean devicesGiven;
    private Loc rootLoc = Loc.START;

    private SiteReader(Errors errors) {
        this.errors = errors;
    }

    /** Reads one file's text; {@code source} names it in errors. */
    static SiteFile read(String source, String text) throws SiteFileException {
        Errors errors = new Errors(source);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root = YamlReader.read(body, errors);
        SiteFile site = root == null ? null : new SiteReader(errors).site(root, source);
        if (!errors.isEmpty() || site == null) {
            throw new SiteFileException(errors.sorted());
        }
        return site;
    }

    /**
     * The errors a message of {@link Enterprise}'s cross-checks gives in a (valid) file: how problems the reader does
     * not check itself (the twin may add checks) are placed. For tests.
     */
    static List<SiteError> enterpriseErrors(String source, String text, String message) {
        Errors errors = new Errors(source);
        SiteReader reader = new SiteReader(errors);
        Node root = YamlReader.read(text, errors);
        if (root != null) {
            reader.site(root, source);
        }
        reader.enterpriseProblems(message);
        return errors.sorted();
    }

    // ---------------------------------------------------------------------------------------------------- the site

    private SiteFile site(Node root, String source) {
        rootLoc = root.loc();
        Fields s = new Fields(root, "the site");
        if (!s.ok()) {
            return null;
        }
        s.allow(SITE_KEYS);
        siteId = s.id("id", true, "the enterprise id");
        String name = s.text("name", true, "the enterprise's name");
        String district = s.text("district", true, "the administrative district");
        String industry = s.text("industry", true, "the industry");
        String zoneText = s.text("zone", false, "a time zone like Asia/Shanghai");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(s.at("zone"), Code.BAD_VALUE, "a time zone like Asia/Shanghai", zoneText);
            }
        }
        for (Node n : s.seq("shifts", true, "a list of shifts like 08:00-20:00")) {
            shift(n);
        }
        for (Node n : s.seq("points", true, "a list of metering points")) {
            point(n);
        }
        for (Node n : s.seq("groups", false, "a list of treatment groups")) {
            group(n);
        }
        for (Node n : s.seq("associations", false, "a list of production → treatment-group associations")) {
            association(n);
        }
        for (Node n : s.seq("controlPeriods", false, "a list of control periods")) {
            period(n);
        }
        for (Node n : s.seq("stacks", false, "a list of stacks")) {
            stack(n);
        }
        for (Node n : s.seq("faults", false, "a list of staged faults")) {
            fault(n);
        }
        Archive archive = archive(s.get("archive"));
        devicesGiven = s.has("devices");
        for (Node n : s.seq("devices", false, "a list of DTUs and data collectors")) {
            device(n);
        }
        checkReferences();
        if (!errors.isEmpty()) {
            return null;
        }
        Enterprise enterprise = enterprise(name, district, industry);
        if (enterprise == null) {
            return null;
        }
        List<Fault> staged = new ArrayList<>();
        for (FaultDraft f : faults) {
            staged.add(f.fault);
        }
        return new SiteFile(source, zone, enterprise, staged, archive, devicePlan(enterprise));
    }

    private void shift(Node n) {
        String expected = "a shift like 08:00-20:00 (HH:MM-HH:MM; 24:00 ends the day)";
        if (!(n instanceof ScalarNode) || ((ScalarNode) n).isNull()) {
            errors.add(n.loc(), Code.WRONG_TYPE, expected, n.shown());
            return;
        }
        String text = ((ScalarNode) n).text();
        String[] parts = text.split("-", -1);
        int start = parts.length == 2 ? ValueSyntax.minuteOfDay(parts[0]) : -1;
        int end = parts.length == 2 ? ValueSyntax.minuteOfDay(parts[1]) : -1;
        if (start < 0 || end < 0 || start == 1440) {
            errors.add(n.loc(), Code.BAD_VALUE, expected, text);
            return;
        }
        try {
            if (start == 0 && end == 1440) { // round the clock: the twin's Shift cannot start and end at once
                shifts.add(new Shift(LocalTime.MIDNIGHT, LocalTime.NOON));
                shifts.add(new Shift(LocalTime.NOON, LocalTime.MIDNIGHT));
            } else {
                shifts.add(new Shift(time(start), time(end % 1440)));
            }
        } catch (IllegalArgumentException e) {
            rejected(n.loc(), "a shift the twin accepts", e);
        }
    }

    private static LocalTime time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    // -------------------------------------------------------------------------------------------------- the points

    private void point(Node node) {
        String label = label("point", node);
        Fields f = new Fields(node, label);
        if (!f.ok()) {
            return;
        }
        f.allow(POINT_KEYS);
        int before = errors.count();
        PointDraft d = new PointDraft();
        d.loc = f.loc;
        d.id = f.id("id", true, "a point id");
        d.idLoc = f.at("id");
        String name = f.text("name", true, "the facility's name");
        d.kind = f.choice("kind", true, null, enumNames(FacilityKind.values()));
        d.parent = f.ref("parent", false, "a point id (the point whose circuit feeds this one)");
        Circuit circuit = circuit(f.get("circuit"), label, d);
        Meter meter = meter(f, d, label);
        LoadProfile load = load(f, d.kind, label);
        JudgementLimits limits = limits(f.get("limits"), label);
        points.add(d);
        if (errors.count() == before) {
            try {
                d.facility = new Facility(
                        d.id, name, d.kind, circuit, meter, load, limits, d.parent == null ? null : d.parent.id());
            } catch (IllegalArgumentException | NullPointerException e) {
                rejected(d.loc, "a point the twin accepts", e);
            }
        }
    }

    private Circuit circuit(Node node, String label, PointDraft d) {
        d.wiring = Wiring.THREE_PHASE_FOUR_WIRE;
        if (node == null) {
            return Circuit.LOW_VOLTAGE_3P4W;
        }
        Fields c = new Fields(node, "circuit of " + label);
        if (!c.ok()) {
            return null;
        }
        c.allow(CIRCUIT_KEYS);
        int before = errors.count();
        Double volts = c.positive("voltage", DEFAULT_VOLTAGE_V, "a positive line voltage in V");
        Wiring wiring = c.choice("wiring", false, Wiring.THREE_PHASE_FOUR_WIRE, WIRINGS);
        d.wiring = wiring;
        double[] pt = c.ratio("pt", false, "a PT ratio like 10000/100");
        if (volts != null && volts > HIGH_VOLTAGE_FROM_V && !c.has("pt")) {
            c.missing(
                    "pt",
                    "a circuit above " + (int) HIGH_VOLTAGE_FROM_V + " V is metered through a PT, e.g. 20000/100");
        }
        if (errors.count() != before) {
            return null;
        }
        try {
            return new Circuit(volts, wiring, pt == null ? PtRatio.NONE : new PtRatio(pt[0], pt[1]));
        } catch (IllegalArgumentException | NullPointerException e) {
            rejected(c.loc, "a circuit the twin accepts", e);
            return null;
        }
    }

    private Meter meter(Fields point, PointDraft d, String label) {
        Node node = point.get("meter");
        if (node == null) {
            point.missing("meter", "the meter: ct, and optionally id, configuredCt, accuracy, registerMaxKwh");
            return null;
        }
        Fields m = new Fields(node, "meter of " + label);
        if (!m.ok()) {
            return null;
        }
        m.allow(METER_KEYS);
        int before = errors.count();
        String id = m.id("id", false, "a meter id");
        d.meterId = id != null ? id : d.id;
        d.meterLoc = m.has("id") ? m.at("id") : m.loc;
        double[] ct = m.ratio("ct", true, "the installed CT ratio, like 200/5");
        double[] configured = m.has("configuredCt")
                ? m.ratio("configuredCt", true, "the CT ratio configured in the meter, like 200/5")
                : ct;
        Double accuracy = m.number("accuracy", false, DEFAULT_ACCURACY_PERCENT, "an accuracy in %");
        Double registerMax =
                m.positive("registerMaxKwh", DEFAULT_REGISTER_MAX_KWH, "a positive register maximum in kWh");
        ReportedEnergy energy = m.choice("energy", false, ReportedEnergy.IMPORT, enumNames(ReportedEnergy.values()));
        d.combinedEnergy = energy == ReportedEnergy.COMBINED;
        if (errors.count() != before || d.meterId == null) {
            return null;
        }
        try {
            return new Meter(
                    d.meterId,
                    new CtRatio(ct[0], ct[1]),
                    new CtRatio(configured[0], configured[1]),
                    accuracy,
                    registerMax,
                    energy);
        } catch (IllegalArgumentException e) {
            rejected(m.loc, "a meter the twin accepts", e);
            return null;
        }
    }

    private LoadProfile load(Fields point, FacilityKind kind, String label) {
        Node node = point.get("load");
        if (kind == FacilityKind.MAIN) {
            if (node != null) {
                errors.add(
                        node.loc(),
                        Code.BAD_VALUE,
                        "no load on a MAIN point (the twin sums what the main feeds)",
                        node.shown());
            }
            return null;
        }
        if (node == null) {
            if (kind != null) {
                point.missing("load", "how the facility draws power: shape, ratedKw, …");
            }
            return null;
        }
        Fields l = new Fields(node, "load of " + label);
        if (!l.ok()) {
            return null;
        }
        l.allow(LOAD_KEYS);
        int before = errors.count();
        LoadProfile.Shape shape = l.choice("shape", true, null, enumNames(LoadProfile.Shape.values()));
        Double rated = l.power("ratedKw", true, null, false);
        Double pf = l.number(
                "pf",
                false,
                shape == LoadProfile.Shape.THERMOSTATIC ? DEFAULT_RESISTIVE_PF : DEFAULT_PF,
                "a power factor");
        Double variation = l.number("variation", false, DEFAULT_VARIATION_PERCENT, "a variation in ± %");
        Duration cycle = Duration.ZERO;
        Double duty = 1.0;
        if (shape == LoadProfile.Shape.STEADY) {
            if (l.has("cycle")) {
                errors.add(
                        l.at("cycle"),
                        Code.BAD_VALUE,
                        "no cycle on a STEADY load",
                        l.get("cycle").shown());
            }
            duty = l.number("duty", false, 1.0, "a duty fraction in (0, 1]");
        } else if (shape != null) {
            cycle = l.duration("cycle", true, null, "the " + shape + " load's period, like 20m");
            if (cycle != null && (cycle.toMinutes() < 1 || cycle.toSeconds() % 60 != 0)) {
                // the twin steps in whole minutes and truncates a cycle to them: 30s would read as a steady load
                errors.add(
                        l.at("cycle"),
                        Code.OUT_OF_RANGE,
                        "a cycle of whole minutes, at least 1m",
                        l.get("cycle").shown());
            }
            duty = l.number("duty", true, null, "the fraction of each cycle at full load, in (0, 1]");
        }
        Double idle = l.power("idleKw", false, 0.0, true);
        if (errors.count() != before) {
            return null;
        }
        try {
            return new LoadProfile(shape, rated, pf, variation, cycle, duty, idle);
        } catch (IllegalArgumentException | NullPointerException e) {
            rejected(l.loc, "a load the twin accepts", e);
            return null;
        }
    }

    private JudgementLimits limits(Node node, String label) {
        if (node == null) {
            return JudgementLimits.NONE;
        }
        Fields l = new Fields(node, "limits of " + label);
        if (!l.ok()) {
            return null;
        }
        l.allow(LIMIT_KEYS);
        int before = errors.count();
        Double on = l.power("pOnKw", false, null, false);
        Double ref = l.power("pRefKw", false, null, false);
        Double hi = l.power("pHiKw", false, null, false);
        Double rLow = l.number("rLow", false, null, "a low-load ratio in (0, 1)");
        if (errors.count() != before) {
            return null;
        }
        try {
            return new JudgementLimits(optional(on), optional(ref), optional(hi), optional(rLow));
        } catch (IllegalArgumentException e) {
            rejected(l.loc, "limits the twin accepts", e);
            return null;
        }
    }

    private static OptionalDouble optional(Double v) {
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    // ------------------------------------------------------------------------------- groups, associations, periods

    private void group(Node node) {
        String label = label("group", node);
        Fields g = new Fields(node, label);
        if (!g.ok()) {
            return;
        }
        g.allow(GROUP_KEYS);
        int before = errors.count();
        GroupDraft d = new GroupDraft();
        d.loc = g.loc;
        d.id = g.id("id", true, "a group id");
        d.idLoc = g.at("id");
        d.members = g.refs("members", true, "the TREAT point ids of the group, duty first");
        Double k = g.integer("required", 1, "how many members must run, an integer");
        Duration lead = g.duration("lead", false, Duration.ZERO, "how long before production the group starts");
        Duration lag = g.duration("lag", false, Duration.ZERO, "how long after production the group stops");
        groups.add(d);
        if (errors.count() == before) {
            try {
                d.group = new TreatmentGroup(d.id, ids(d.members), k.intValue(), lead, lag);
            } catch (IllegalArgumentException e) {
                rejected(d.loc, "a treatment group the twin accepts", e);
            }
        }
    }

    private void association(Node node) {
        Fields a = new Fields(node, "an association");
        if (!a.ok()) {
            return;
        }
        a.allow(ASSOCIATION_KEYS);
        List<Ref> production = a.refs("production", true, "PROD point ids");
        List<Ref> groupIds = a.refs("groups", true, "treatment group ids");
        associations.add(new AssociationDraft(a.loc, production, groupIds));
    }

    private void period(Node node) {
        Fields p = new Fields(node, "a control period");
        if (!p.ok()) {
            return;
        }
        p.allow(PERIOD_KEYS);
        int before = errors.count();
        PeriodDraft d = new PeriodDraft();
        d.loc = p.loc;
        ControlPeriod.Kind kind = p.choice("kind", true, null, enumNames(ControlPeriod.Kind.values()));
        LocalDateTime start = p.dateTime("start", true, "the first local date-time, like 2026-03-01T08:00");
        LocalDateTime end = end(p, start);
        Double ratio = kind == ControlPeriod.Kind.LIMIT
                ? p.number("limitRatio", true, null, "the allowed share of baseline production, in (0, 1)")
                : p.number("limitRatio", false, 0.0, "no limitRatio (only LIMIT periods have one)");
        d.production = p.refs("production", false, "production point ids (none: all)");
        periods.add(d);
        if (errors.count() == before) {
            try {
                d.period = new ControlPeriod(kind, start, end, ratio, ids(d.production));
            } catch (IllegalArgumentException e) {
                rejected(d.loc, "a control period the twin accepts", e);
            }
        }
    }

    /** The end of a period or fault: {@code end}, or {@code start + duration}; exactly one of them. */
    private LocalDateTime end(Fields f, LocalDateTime start) {
        boolean hasEnd = f.has("end");
        boolean hasDuration = f.has("duration");
        if (hasEnd && hasDuration) {
            errors.add(
                    f.at("duration"),
                    Code.BAD_VALUE,
                    "either end or duration, not both",
                    f.get("duration").shown());
            return null;
        }
        if (hasDuration) {
            Duration d = f.duration("duration", true, null, "a positive duration");
            if (d != null && (d.isNegative() || d.isZero())) {
                errors.add(
                        f.at("duration"),
                        Code.OUT_OF_RANGE,
                        "a positive duration",
                        f.get("duration").shown());
                return null;
            }
            return d == null || start == null ? null : start.plus(d);
        }
        LocalDateTime end =
                f.dateTime("end", true, "the first local date-time after it, like 2026-03-01T20:00 (or a duration)");
        if (end != null && start != null && !end.isAfter(start)) {
            errors.add(
                    f.at("end"),
                    Code.OUT_OF_RANGE,
                    "an end after the start " + start,
                    f.get("end").shown());
            return null;
        }
        return end;
    }

    // ------------------------------------------------------------------------------------------------------ stacks

    private void stack(Node node) {
        String label = label("stack", node);
        Fields s = new Fields(node, label);
        if (!s.ok()) {
            return;
        }
        s.allow(STACK_KEYS);
        int before = errors.count();
        StackDraft d = new StackDraft();
        d.loc = s.loc;
        d.id = s.id("id", true, "a stack id");
        d.idLoc = s.at("id");
        Double height = s.number("height", true, null, "the stack height in m");
        d.production = s.refs("production", false, "production point ids discharging here");
        d.groups = s.refs("groups", false, "treatment group ids treating what goes out here");
        VocAnalyzer analyzer = null;
        Node a = s.get("analyzer");
        if (a != null) {
            d.analyzer = true;
            analyzer = analyzer(a, label);
        }
        stacks.add(d);
        if (errors.count() == before) {
            try {
                d.stack = new Stack(d.id, height, ids(d.production), ids(d.groups), analyzer);
            } catch (IllegalArgumentException e) {
                rejected(d.loc, "a stack the twin accepts", e);
            }
        }
    }

    private VocAnalyzer analyzer(Node node, String label) {
        Fields a = new Fields(node, "analyzer of " + label);
        if (!a.ok()) {
            return null;
        }
        a.allow(ANALYZER_KEYS);
        int before = errors.count();
        Double raw = a.number("rawTvoc", true, null, "TVOC at full production without treatment, mg/m³");
        Double efficiency = a.number("efficiency", true, null, "the share of TVOC treatment removes, in [0, 1)");
        Double background = a.number("background", false, DEFAULT_BACKGROUND_TVOC, "TVOC with production off, mg/m³");
        Double velocity =
                a.number("velocity", false, DEFAULT_VELOCITY_MS, "flue-gas velocity with the fans running, m/s");
        Double temperature = a.number("temperature", false, DEFAULT_TEMPERATURE_C, "flue-gas temperature, °C");
        Double pressure = a.number("pressure", false, DEFAULT_PRESSURE_KPA, "flue-gas pressure, kPa");
        Double humidity = a.number("humidity", false, DEFAULT_HUMIDITY_PERCENT, "flue-gas humidity, %");
        if (errors.count() != before) {
            return null;
        }
        try {
            return new VocAnalyzer(raw, efficiency, background, velocity, temperature, pressure, humidity);
        } catch (IllegalArgumentException e) {
            rejected(a.loc, "an analyzer the twin accepts", e);
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------------ faults

    private void fault(Node node) {
        Fields f = new Fields(node, "a fault");
        if (!f.ok()) {
            return;
        }
        int before = errors.count();
        Map<String, FaultCatalogue.Kind> kinds = new LinkedHashMap<>(FaultCatalogue.KINDS);
        FaultCatalogue.Kind kind = f.choice("kind", true, null, kinds);
        Set<String> allowed = new LinkedHashSet<>(FAULT_KEYS);
        for (FaultCatalogue.Kind k : kind != null ? List.of(kind) : kinds.values()) {
            for (FaultCatalogue.Param p : k.params()) {
                allowed.add(p.name());
            }
        }
        f.allow(allowed);
        if (kind == null) {
            return;
        }
        FaultDraft d = new FaultDraft();
        d.loc = f.loc;
        d.kind = kind;
        if (kind.target() == FaultCatalogue.Target.ENTERPRISE && !f.has("target")) {
            d.target = siteId == null ? null : new Ref(siteId, f.loc);
        } else {
            d.target = f.ref("target", true, kind.target().expected);
        }
        LocalDateTime start = f.dateTime("start", true, "the first local date-time, like 2026-03-01T10:00");
        LocalDateTime end = end(f, start);
        Map<String, Object> values = new HashMap<>();
        for (FaultCatalogue.Param p : kind.params()) {
            values.put(p.name(), param(f, kind, p, d));
        }
        faults.add(d);
        if (errors.count() != before || d.target == null) {
            return;
        }
        // built once the references are checked: some faults depend on the target's wiring or kind
        d.window = new Window(start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
        d.values = values;
    }

    /** Builds a staged fault's record, knowing its target point (if it names one). */
    private void buildFault(FaultDraft d, PointDraft target) {
        try {
            d.fault = d.kind.build()
                    .apply(new FaultCatalogue.Args(
                            d.target.id(),
                            d.window,
                            d.values,
                            target == null ? null : target.wiring,
                            target == null ? null : target.kind,
                            target != null && target.combinedEnergy));
        } catch (IllegalArgumentException e) {
            rejected(d.loc, "a " + d.kind.name() + " fault the twin accepts", e);
        }
    }

    private Object param(Fields f, FaultCatalogue.Kind kind, FaultCatalogue.Param p, FaultDraft d) {
        String doc = p.doc() + " (" + kind.name() + ")";
        switch (p.type()) {
            case NUMBER: {
                Double v = f.number(p.name(), p.required(), (Double) p.defaultValue(), doc);
                if (v != null && p.valid() != null && !p.valid().test(v)) {
                    errors.add(
                            f.at(p.name()),
                            Code.OUT_OF_RANGE,
                            p.name() + ": " + p.validText(),
                            f.get(p.name()).shown());
                }
                return v;
            }
            case BOOLEAN: {
                Boolean v = f.flag(p.name(), (Boolean) p.defaultValue(), doc);
                if (Boolean.TRUE.equals(v) && p.name().equals("phaseB")) {
                    d.phaseBLoc = f.at(p.name());
                }
                return v;
            }
            case DURATION:
                return f.duration(p.name(), p.required(), (Duration) p.defaultValue(), doc);
            case PHASE: {
                String v = f.text(p.name(), p.required(), doc);
                if (v != null && !(v.equals("a") || v.equals("b") || v.equals("c"))) {
                    errors.add(f.at(p.name()), Code.BAD_VALUE, "one of a, b, c", v);
                    return null;
                }
                return v == null ? null : v.charAt(0);
            }
            case POINT_ID: {
                Ref r = f.ref(p.name(), p.required(), "a point id: " + doc);
                d.pointParams.add(r);
                return r == null ? null : r.id();
            }
            case POINT_IDS: {
                List<Ref> refs = f.refs(p.name(), p.required(), "point ids: " + doc);
                d.pointParams.addAll(refs);
                return refs.stream().map(Ref::id).toList();
            }
            default:
                throw new IllegalStateException("no reader for parameter type " + p.type());
        }
    }

    // ----------------------------------------------------------------------------------------------------- archive

    private Archive archive(Node node) {
        if (node == null) {
            return Archive.AS_INSTALLED;
        }
        Fields a = new Fields(node, "the archive");
        if (!a.ok()) {
            return null;
        }
        a.allow(ARCHIVE_KEYS);
        notArchived.addAll(a.refs("notArchived", false, "ids of installed points the archive lacks"));
        List<Archive.ArchivedPoint> archived = new ArrayList<>();
        for (Node n : a.seq("points", false, "a list of archived points")) {
            Fields p = new Fields(n, label("archived point", n));
            if (!p.ok()) {
                continue;
            }
            p.allow(ARCHIVED_POINT_KEYS);
            int before = errors.count();
            Ref id = p.ref("id", true, "the id of the installed point");
            String name = p.text("name", false, "the archived name");
            FacilityKind kind = p.choice("kind", false, null, enumNames(FacilityKind.values()));
            double[] ct = p.ratio("ct", false, "the archived CT ratio, like 200/5");
            double[] pt = p.ratio("pt", false, "the archived PT ratio, like 10000/100");
            Wiring wiring = p.choice("wiring", false, null, WIRINGS);
            if (id != null) {
                archivedPoints.add(new ArchivedDraft(id, p.loc));
            }
            if (errors.count() == before) {
                archived.add(new Archive.ArchivedPoint(
                        id.id(),
                        Optional.ofNullable(name),
                        Optional.ofNullable(kind),
                        Optional.ofNullable(ct == null ? null : new CtRatio(ct[0], ct[1])),
                        Optional.ofNullable(pt == null ? null : new PtRatio(pt[0], pt[1])),
                        Optional.ofNullable(wiring)));
            }
        }
        for (Node n : a.seq("unmetered", false, "a list of facilities without a metering point")) {
            Fields u = new Fields(n, "an unmetered facility");
            if (!u.ok()) {
                continue;
            }
            u.allow(UNMETERED_KEYS);
            String name = u.text("name", true, "the facility's name");
            FacilityKind kind = u.choice("kind", true, null, enumNames(FacilityKind.values()));
            if (name != null && kind != null) {
                unmetered.add(new Archive.UnmeteredFacility(name, kind));
            }
        }
        return new Archive(ids(notArchived), archived, unmetered);
    }

    // ----------------------------------------------------------------------------------------------------- devices

    private void device(Node node) {
        Fields f = new Fields(node, "a device");
        if (!f.ok()) {
            return;
        }
        f.allow(DEVICE_KEYS);
        DeviceDraft d = new DeviceDraft();
        d.loc = f.loc;
        String mnExpected = "an MN of 24 upper-case hex digits (HJ 212-2017 §5), like 010000A8900016F000169DC0";
        d.mn = f.text("mn", true, mnExpected);
        d.mnLoc = f.at("mn");
        if (d.mn != null && !DevicePlan.isMn(d.mn)) {
            errors.add(d.mnLoc, Code.BAD_VALUE, mnExpected, d.mn);
            d.mn = null;
        }
        String pwExpected = "a PW of 1-6 of 0-9 a-z A-Z";
        String pw = f.text("pw", false, pwExpected);
        if (pw != null && !DevicePlan.isPw(pw)) {
            errors.add(f.at("pw"), Code.BAD_VALUE, pwExpected, pw);
        }
        d.pw = pw == null ? DevicePlan.DEFAULT_PW : pw;
        boolean dtu = f.has("points");
        boolean collector = f.has("stack");
        if (dtu && collector) {
            errors.add(
                    f.at("stack"),
                    Code.BAD_VALUE,
                    "either points (a DTU) or stack (a data collector), not both",
                    f.get("stack").shown());
        } else if (!dtu && !collector) {
            f.missing("points", "a DTU's point ids in meter order, or stack: the stack of a data collector");
        } else if (collector) {
            d.stack = f.ref("stack", true, "the id of the stack whose analyzer the collector reads");
        } else {
            d.dtu = true;
            List<Node> items = f.seq("points", true, "the DTU's point ids in meter order (~ leaves a number unused)");
            if (items.size() > DevicePlan.MAX_METERS) {
                errors.add(
                        f.at("points"),
                        Code.OUT_OF_RANGE,
                        "at most " + DevicePlan.MAX_METERS + " points on one DTU (the meter number has two digits)",
                        items.size() + " points");
            }
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                if (item instanceof ScalarNode && ((ScalarNode) item).isNull()) {
                    continue; // meter number i + 1 is unused
                }
                if (!(item instanceof ScalarNode)) {
                    errors.add(
                            item.loc(), Code.WRONG_TYPE, "a point id, or ~ for an unused meter number", item.shown());
                } else if (!ValueSyntax.isId(((ScalarNode) item).text())) {
                    errors.add(
                            item.loc(),
                            Code.BAD_VALUE,
                            "a point id of 1-32 characters A-Z a-z 0-9 _ -",
                            ((ScalarNode) item).text());
                } else if (i < DevicePlan.MAX_METERS) {
                    d.meters.add(new MeterSlot(i + 1, new Ref(((ScalarNode) item).text(), item.loc())));
                }
            }
        }
        devices.add(d);
    }

    private void checkDevices(Map<String, PointDraft> pointById, Map<String, StackDraft> stackById) {
        Map<String, DeviceDraft> byMn = new HashMap<>();
        Map<String, Ref> meterOf = new HashMap<>();
        Map<String, Ref> collectorOf = new HashMap<>();
        for (DeviceDraft d : devices) {
            if (d.mn != null) {
                DeviceDraft first = byMn.putIfAbsent(d.mn, d);
                if (first != null) {
                    errors.add(
                            d.mnLoc,
                            Code.BAD_REFERENCE,
                            "an MN not used before (line " + first.mnLoc.line() + ")",
                            d.mn);
                }
            }
            for (MeterSlot m : d.meters) {
                point(m.point(), pointById, x -> true, "a point id");
                Ref first = meterOf.putIfAbsent(m.point().id(), m.point());
                if (first != null) {
                    errors.add(
                            m.point().loc(),
                            Code.BAD_REFERENCE,
                            "a point on no other DTU meter (it is already at line "
                                    + first.loc().line() + ")",
                            m.point().id());
                }
            }
            if (d.stack != null) {
                StackDraft s = stackById.get(d.stack.id());
                if (s == null || !s.analyzer) {
                    List<String> withAnalyzer = new ArrayList<>();
                    stackById.values().stream().filter(x -> x.analyzer).forEach(x -> withAnalyzer.add(x.id));
                    errors.add(
                            d.stack.loc(),
                            Code.BAD_REFERENCE,
                            candidates("a stack with an analyzer", withAnalyzer),
                            d.stack.id());
                }
                Ref first = collectorOf.putIfAbsent(d.stack.id(), d.stack);
                if (first != null) {
                    errors.add(
                            d.stack.loc(),
                            Code.BAD_REFERENCE,
                            "a stack with no other collector (one is at line "
                                    + first.loc().line() + ")",
                            d.stack.id());
                }
            }
        }
    }

    /** The site's devices: as written, or the default of docs/site-format.md when the file has no devices key. */
    private DevicePlan devicePlan(Enterprise enterprise) {
        if (!devicesGiven) {
            List<String> pointIds = new ArrayList<>();
            enterprise.facilities().forEach(f -> pointIds.add(f.id()));
            List<String> stackIds = new ArrayList<>();
            Set<String> withAnalyzer = new LinkedHashSet<>();
            for (Stack st : enterprise.stacks()) {
                stackIds.add(st.id());
                if (st.analyzer() != null) {
                    withAnalyzer.add(st.id());
                }
            }
            return DevicePlan.derived(enterprise.id(), pointIds, stackIds, withAnalyzer);
        }
        List<DevicePlan.DtuPlan> dtus = new ArrayList<>();
        List<DevicePlan.CollectorPlan> collectors = new ArrayList<>();
        for (DeviceDraft d : devices) {
            if (d.dtu) {
                List<DevicePlan.Meter> meters = new ArrayList<>();
                d.meters.forEach(m ->
                        meters.add(new DevicePlan.Meter(m.number(), m.point().id())));
                dtus.add(new DevicePlan.DtuPlan(d.mn, d.pw, meters));
            } else {
                collectors.add(new DevicePlan.CollectorPlan(d.mn, d.pw, d.stack.id()));
            }
        }
        return new DevicePlan(dtus, collectors);
    }

    // -------------------------------------------------------------------------------------------------- references

    private void checkReferences() {
        Map<String, PointDraft> pointById = new LinkedHashMap<>();
        for (PointDraft p : points) {
            if (p.id == null) {
                continue;
            }
            PointDraft first = pointById.putIfAbsent(p.id, p);
            if (first != null) {
                errors.add(
                        p.idLoc,
                        Code.BAD_REFERENCE,
                        "a point id not used before (line " + first.idLoc.line() + ")",
                        p.id);
            }
        }
        Map<String, PointDraft> meterById = new HashMap<>();
        for (PointDraft p : points) {
            if (p.meterId == null) {
                continue;
            }
            PointDraft first = meterById.putIfAbsent(p.meterId, p);
            if (first != null) {
                errors.add(
                        p.meterLoc,
                        Code.BAD_REFERENCE,
                        "a meter id not used before (line " + first.meterLoc.line() + ")",
                        p.meterId);
            }
        }
        for (PointDraft p : points) {
            if (p.parent == null) {
                continue;
            }
            if (p.parent.id().equals(p.id)) {
                errors.add(p.parent.loc(), Code.BAD_REFERENCE, "another point's id (a point cannot feed itself)", p.id);
            } else {
                point(p.parent, pointById, x -> true, "a point id");
            }
        }
        checkParentLoops(pointById);
        Map<String, GroupDraft> groupById = new LinkedHashMap<>();
        for (GroupDraft g : groups) {
            if (g.id == null) {
                continue;
            }
            GroupDraft first = groupById.putIfAbsent(g.id, g);
            if (first != null) {
                errors.add(
                        g.idLoc,
                        Code.BAD_REFERENCE,
                        "a group id not used before (line " + first.idLoc.line() + ")",
                        g.id);
            }
            for (Ref m : g.members) {
                point(m, pointById, p -> p.kind == FacilityKind.TREAT, "a TREAT point id");
            }
        }
        for (AssociationDraft a : associations) {
            for (Ref p : a.production) {
                point(
                        p,
                        pointById,
                        x -> x.kind == FacilityKind.PROD,
                        "a PROD point id (PROD_TREAT is never associated, domain-rules D6)");
            }
            for (Ref g : a.groups) {
                known(g, groupById.keySet(), "a group id");
            }
        }
        for (PeriodDraft c : periods) {
            for (Ref p : c.production) {
                point(p, pointById, SiteReader::isProduction, "a PROD or PROD_TREAT point id");
            }
        }
        Map<String, StackDraft> stackById = new LinkedHashMap<>();
        for (StackDraft s : stacks) {
            if (s.id == null) {
                continue;
            }
            StackDraft first = stackById.putIfAbsent(s.id, s);
            if (first != null) {
                errors.add(
                        s.idLoc,
                        Code.BAD_REFERENCE,
                        "a stack id not used before (line " + first.idLoc.line() + ")",
                        s.id);
            }
            for (Ref p : s.production) {
                point(p, pointById, SiteReader::isProduction, "a PROD or PROD_TREAT point id");
            }
            for (Ref g : s.groups) {
                known(g, groupById.keySet(), "a group id");
            }
        }
        for (FaultDraft f : faults) {
            checkFault(f, pointById, stackById);
        }
        checkDevices(pointById, stackById);
        Set<String> archived = new LinkedHashSet<>();
        for (Ref r : notArchived) {
            point(r, pointById, x -> true, "a point id");
        }
        for (ArchivedDraft a : archivedPoints) {
            point(a.id(), pointById, x -> true, "a point id");
            if (!archived.add(a.id().id())) {
                errors.add(a.id().loc(), Code.BAD_REFERENCE, "each point once in archive.points", a.id().id());
            }
            if (notArchived.stream().anyMatch(r -> r.id().equals(a.id().id()))) {
                errors.add(
                        a.id().loc(),
                        Code.BAD_REFERENCE,
                        "a point that is archived (it is listed in notArchived)",
                        a.id().id());
            }
        }
    }

    private void checkFault(FaultDraft f, Map<String, PointDraft> pointById, Map<String, StackDraft> stackById) {
        int atStart = errors.count();
        Ref t = f.target;
        if (t != null) {
            FaultCatalogue.Target want = f.kind.target();
            switch (want) {
                case POINT:
                    point(t, pointById, x -> true, want.expected);
                    break;
                case SUB_POINT:
                    point(t, pointById, x -> x.kind != FacilityKind.MAIN, want.expected);
                    break;
                case TREAT:
                    point(t, pointById, x -> x.kind == FacilityKind.TREAT, want.expected);
                    break;
                case PRODUCTION:
                    point(t, pointById, SiteReader::isProduction, want.expected);
                    break;
                case MAIN:
                    point(t, pointById, x -> x.kind == FacilityKind.MAIN, want.expected);
                    break;
                case ANALYZER_STACK: {
                    StackDraft s = stackById.get(t.id());
                    if (s == null || !s.analyzer) {
                        List<String> withAnalyzer = new ArrayList<>();
                        stackById.values().stream().filter(x -> x.analyzer).forEach(x -> withAnalyzer.add(x.id));
                        errors.add(t.loc(), Code.BAD_REFERENCE, candidates(want.expected, withAnalyzer), t.id());
                    }
                    break;
                }
                case ENTERPRISE:
                    if (siteId != null && !siteId.equals(t.id())) {
                        errors.add(t.loc(), Code.BAD_REFERENCE, "the enterprise id " + siteId, t.id());
                    }
                    break;
                default:
                    throw new IllegalStateException("no check for fault target " + want);
            }
            PointDraft target = pointById.get(t.id());
            if (f.phaseBLoc != null && target != null && target.wiring == Wiring.THREE_PHASE_THREE_WIRE) {
                errors.add(
                        f.phaseBLoc,
                        Code.BAD_VALUE,
                        "phaseA or phaseC on a 3P3W meter (it has no phase b element)",
                        "phaseB: true");
            }
        }
        int before = errors.count();
        for (Ref r : f.pointParams) {
            if (r != null) {
                point(r, pointById, x -> true, "a point id");
            }
        }
        if (f.window != null && errors.count() == before && errors.count() == atStart) {
            buildFault(f, t == null ? null : pointById.get(t.id()));
        }
    }

    /** Reports a loop in the parent chains (the twin would recurse for ever summing circuits). */
    private void checkParentLoops(Map<String, PointDraft> pointById) {
        Set<String> reported = new LinkedHashSet<>();
        for (PointDraft start : pointById.values()) {
            List<String> chain = new ArrayList<>();
            PointDraft p = start;
            while (p != null && p.parent != null && !chain.contains(p.id)) {
                chain.add(p.id);
                p = pointById.get(p.parent.id());
            }
            if (p != null && chain.contains(p.id) && p.id.equals(start.id) && reported.add(start.id)) {
                chain.add(start.id);
                if (!start.parent.id().equals(start.id)) {
                    errors.add(
                            start.parent.loc(),
                            Code.BAD_REFERENCE,
                            "a parent chain that reaches a point without parent (" + String.join(" → ", chain)
                                    + " is a loop)",
                            start.parent.id());
                }
            }
        }
    }

    private static boolean isProduction(PointDraft p) {
        return p.kind == FacilityKind.PROD || p.kind == FacilityKind.PROD_TREAT;
    }

    private void point(Ref r, Map<String, PointDraft> pointById, Predicate<PointDraft> ok, String expected) {
        PointDraft p = pointById.get(r.id());
        if (p != null && (p.kind == null || ok.test(p))) {
            return;
        }
        List<String> fitting = new ArrayList<>();
        for (PointDraft x : pointById.values()) {
            if (x.kind != null && ok.test(x)) {
                fitting.add(x.id);
            }
        }
        String what = candidates(expected, fitting) + (p == null ? "" : "; " + r.id() + " is " + p.kind);
        errors.add(r.loc(), Code.BAD_REFERENCE, what, r.id());
    }

    private void known(Ref r, Collection<String> ids, String expected) {
        if (!ids.contains(r.id())) {
            errors.add(r.loc(), Code.BAD_REFERENCE, candidates(expected, ids), r.id());
        }
    }

    private static String candidates(String expected, Collection<String> ids) {
        if (ids.isEmpty()) {
            return expected + " (the file has none)";
        }
        List<String> list = new ArrayList<>(ids);
        String shown = String.join(", ", list.subList(0, Math.min(MAX_CANDIDATES, list.size())));
        return expected + " (" + shown + (list.size() > MAX_CANDIDATES ? ", …" : "") + ")";
    }

    // ------------------------------------------------------------------------------------------------- enterprise

    private Enterprise enterprise(String name, String district, String industry) {
        List<Facility> facilities = new ArrayList<>();
        points.forEach(p -> facilities.add(p.facility));
        List<TreatmentGroup> treatment = new ArrayList<>();
        groups.forEach(g -> treatment.add(g.group));
        List<Association> pairs = new ArrayList<>();
        for (AssociationDraft a : associations) {
            for (Ref p : a.production) {
                for (Ref g : a.groups) {
                    pairs.add(new Association(p.id(), g.id()));
                }
            }
        }
        List<ControlPeriod> control = new ArrayList<>();
        periods.forEach(c -> control.add(c.period));
        List<Stack> stackList = new ArrayList<>();
        stacks.forEach(s -> stackList.add(s.stack));
        try {
            return new Enterprise(
                    siteId, name, district, industry, facilities, treatment, pairs, shifts, control, stackList);
        } catch (IllegalArgumentException e) {
            enterpriseProblems(e.getMessage());
            return null;
        }
    }

    /**
     * Maps the enterprise's cross-check message ({@code enterprise E has 2 problem(s): a; b}) back to the entries it
     * names: each problem goes to the first point, group, stack or meter it mentions, or to the top of the file.
     */
    void enterpriseProblems(String message) {
        String text = message == null ? "" : message;
        int colon = text.indexOf("): ");
        String list = colon >= 0 ? text.substring(colon + 3) : text;
        for (String problem : list.split("; ")) {
            errors.add(locationOf(problem), Code.REJECTED_BY_TWIN, "an enterprise the twin accepts", problem);
        }
    }

    private Loc locationOf(String problem) {
        Matcher m = NAMED_ID.matcher(problem);
        while (m.find()) {
            String id = m.group(1);
            for (PointDraft p : points) {
                if (id.equals(p.id) || id.equals(p.meterId)) {
                    return id.equals(p.id) ? p.loc : p.meterLoc;
                }
            }
            for (GroupDraft g : groups) {
                if (id.equals(g.id)) {
                    return g.loc;
                }
            }
            for (StackDraft s : stacks) {
                if (id.equals(s.id)) {
                    return s.loc;
                }
            }
        }
        return rootLoc;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void rejected(Loc at, String expected, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        errors.add(at, Code.REJECTED_BY_TWIN, expected, message);
    }

    private static String label(String what, Node node) {
        if (node instanceof MapNode) {
            Node id = ((MapNode) node).entry("id").map(Entry::value).orElse(null);
            if (id instanceof ScalarNode && !((ScalarNode) id).isNull()) {
                return what + " " + ((ScalarNode) id).text();
            }
        }
        return what;
    }

    private static <E extends Enum<E>> Map<String, E> enumNames(E[] values) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E e : values) {
            out.put(e.name(), e);
        }
        return out;
    }

    private static List<String> ids(List<Ref> refs) {
        List<String> out = new ArrayList<>();
        refs.forEach(r -> out.add(r.id()));
        return out;
    }

    /** An id written at a place. */
    record Ref(String id, Loc loc) {}

    private static final class PointDraft {
        String id;
        Loc idLoc;
        Loc loc;
        FacilityKind kind;
        Wiring wiring;
        Ref parent;
        String meterId;
        Loc meterLoc;
        boolean combinedEnergy;
        Facility facility;
    }

    private static final class GroupDraft {
        String id;
        Loc idLoc;
        Loc loc;
        List<Ref> members = List.of();
        TreatmentGroup group;
    }

    private record AssociationDraft(Loc loc, List<Ref> production, List<Ref> groups) {}

    private static final class PeriodDraft {
        Loc loc;
        List<Ref> production = List.of();
        ControlPeriod period;
    }

    private static final class StackDraft {
        String id;
        Loc idLoc;
        Loc loc;
        boolean analyzer;
        List<Ref> production = List.of();
        List<Ref> groups = List.of();
        Stack stack;
    }

    private static final class FaultDraft {
        Loc loc;
        FaultCatalogue.Kind kind;
        Ref target;
        Loc phaseBLoc;
        final List<Ref> pointParams = new ArrayList<>();
        Window window;
        Map<String, Object> values;
        Fault fault;
    }

    private record ArchivedDraft(Ref id, Loc loc) {}

    private record MeterSlot(int number, Ref point) {}

    private static final class DeviceDraft {
        Loc loc;
        String mn;
        Loc mnLoc;
        String pw;
        boolean dtu;
        final List<MeterSlot> meters = new ArrayList<>();
        Ref stack;
    }

    // ------------------------------------------------------------------------------------------------------ fields

    /** The keys of one mapping, read with their types; every problem is reported and {@code null} returned. */
    private final class Fields {
        final MapNode map;
        final Loc loc;
        final String what;

        Fields(Node node, String what) {
            this.what = what;
            this.loc = node.loc();
            if (node instanceof MapNode) {
                this.map = (MapNode) node;
            } else {
                this.map = null;
                errors.add(node.loc(), Code.WRONG_TYPE, what + " (a mapping of keys)", node.shown());
            }
        }

        boolean ok() {
            return map != null;
        }

        void allow(Collection<String> keys) {
            for (Entry e : map.entries()) {
                if (!keys.contains(e.key())) {
                    errors.add(
                            e.keyLoc(), Code.UNKNOWN_KEY, "one of " + String.join(", ", keys) + " in " + what, e.key());
                }
            }
        }

        /** The value, or {@code null} when absent or written empty / {@code null} / {@code ~}. */
        Node get(String key) {
            Node v = map.entry(key).map(Entry::value).orElse(null);
            return v instanceof ScalarNode && ((ScalarNode) v).isNull() ? null : v;
        }

        boolean has(String key) {
            return get(key) != null;
        }

        /** Where the key's value is, or the mapping when the key is absent. */
        Loc at(String key) {
            return map.entry(key).map(e -> e.value().loc()).orElse(loc);
        }

        void missing(String key, String description) {
            List<String> present = new ArrayList<>();
            map.entries().forEach(e -> present.add(e.key()));
            errors.add(
                    loc,
                    Code.MISSING_KEY,
                    "key '" + key + "' (" + description + ") in " + what,
                    String.join(", ", present));
        }

        ScalarNode scalar(String key, boolean required, String description) {
            Node n = get(key);
            if (n == null) {
                if (required) {
                    missing(key, description);
                }
                return null;
            }
            if (n instanceof ScalarNode) {
                return (ScalarNode) n;
            }
            errors.add(n.loc(), Code.WRONG_TYPE, description, n.shown());
            return null;
        }

        String text(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            return s == null ? null : s.text();
        }

        String id(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return null;
            }
            if (!ValueSyntax.isId(s.text())) {
                errors.add(s.loc(), Code.BAD_VALUE, description + " of 1-32 characters A-Z a-z 0-9 _ -", s.text());
                return null;
            }
            return s.text();
        }

        Ref ref(String key, boolean required, String description) {
            String id = id(key, required, description);
            return id == null ? null : new Ref(id, at(key));
        }

        /** One id or a list of ids; absent: empty (or missing when required). */
        List<Ref> refs(String key, boolean required, String description) {
            Node n = get(key);
            if (n == null) {
                if (required) {
                    missing(key, description);
                }
                return List.of();
            }
            List<Node> items = n instanceof SeqNode ? ((SeqNode) n).items() : List.of(n);
            List<Ref> out = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof ScalarNode) || ((ScalarNode) item).isNull()) {
                    errors.add(item.loc(), Code.WRONG_TYPE, description + ": an id or a list of ids", item.shown());
                } else if (!ValueSyntax.isId(((ScalarNode) item).text())) {
                    errors.add(
                            item.loc(),
                            Code.BAD_VALUE,
                            description + ": ids of 1-32 characters A-Z a-z 0-9 _ -",
                            ((ScalarNode) item).text());
                } else {
                    out.add(new Ref(((ScalarNode) item).text(), item.loc()));
                }
            }
            return out;
        }

        List<Node> seq(String key, boolean required, String description) {
            Node n = get(key);
            if (n == null) {
                if (required) {
                    missing(key, description);
                }
                return List.of();
            }
            if (n instanceof SeqNode) {
                return ((SeqNode) n).items();
            }
            errors.add(n.loc(), Code.WRONG_TYPE, description, n.shown());
            return List.of();
        }

        /** A number; absent: {@code fallback}, or missing when {@code fallback} is {@code null}. */
        Double number(String key, boolean required, Double fallback, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return map.entry(key).isPresent() && get(key) != null ? null : fallback;
            }
            if (!s.isNumber()) {
                errors.add(s.loc(), Code.WRONG_TYPE, description, s.text());
                return null;
            }
            if (!Double.isFinite(s.number())) {
                errors.add(s.loc(), Code.BAD_VALUE, description + " (a finite number)", s.text());
                return null;
            }
            return s.number();
        }

        Double positive(String key, Double fallback, String description) {
            Double v = number(key, fallback == null, fallback, description);
            if (v != null && !(v > 0)) {
                errors.add(at(key), Code.OUT_OF_RANGE, description, get(key).shown());
                return null;
            }
            return v;
        }

        /** A power in kW: positive, or ≥ 0 when {@code zeroAllowed}. */
        Double power(String key, boolean required, Double fallback, boolean zeroAllowed) {
            String description = zeroAllowed ? "a power ≥ 0 in kW" : "a positive power in kW";
            Double v = number(key, required, fallback, description);
            if (v != null && (zeroAllowed ? v < 0 : !(v > 0)) && has(key)) {
                errors.add(at(key), Code.OUT_OF_RANGE, description, get(key).shown());
                return null;
            }
            return v;
        }

        Double integer(String key, int fallback, String description) {
            Double v = number(key, false, (double) fallback, description);
            if (v != null && (v != Math.rint(v) || Math.abs(v) > 1_000_000)) {
                errors.add(at(key), Code.WRONG_TYPE, description, get(key).shown());
                return null;
            }
            return v;
        }

        Boolean flag(String key, Boolean fallback, String description) {
            ScalarNode s = scalar(key, fallback == null, description + ": true or false");
            if (s == null) {
                return get(key) != null ? null : fallback;
            }
            if (s.type() != Node.ScalarType.BOOLEAN) {
                errors.add(s.loc(), Code.WRONG_TYPE, "true or false", s.text());
                return null;
            }
            return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
        }

        <E> E choice(String key, boolean required, E fallback, Map<String, E> names) {
            ScalarNode s = scalar(key, required, "one of " + String.join(", ", names.keySet()));
            if (s == null) {
                return get(key) != null ? null : fallback;
            }
            E e = names.get(s.text());
            if (e == null) {
                errors.add(s.loc(), Code.BAD_VALUE, "one of " + String.join(", ", names.keySet()), s.text());
            }
            return e;
        }

        double[] ratio(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return null;
            }
            double[] r = ValueSyntax.ratio(s.text());
            if (r == null) {
                errors.add(s.loc(), Code.BAD_VALUE, description, s.text());
            }
            return r;
        }

        Duration duration(String key, boolean required, Duration fallback, String description) {
            String expected = description + " (like 20m, 1h30m, -10m or PT20M)";
            ScalarNode s = scalar(key, required, expected);
            if (s == null) {
                return get(key) != null ? null : fallback;
            }
            if (s.isNumber() && s.number() == 0) {
                return Duration.ZERO;
            }
            Duration d = s.isNumber() ? null : ValueSyntax.duration(s.text());
            if (d == null) {
                errors.add(s.loc(), Code.BAD_VALUE, expected, s.text());
            }
            return d;
        }

        LocalDateTime dateTime(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return null;
            }
            LocalDateTime t = ValueSyntax.dateTime(s.text());
            if (t == null) {
                errors.add(s.loc(), Code.BAD_VALUE, description, s.text());
            }
            return t;
        }
    }
}
