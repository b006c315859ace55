package io.pollwatt.platform.archive;

import io.pollwatt.platform.archive.ArchiveError.Code;
import io.pollwatt.platform.archive.Node.Entry;
import io.pollwatt.platform.archive.Node.Loc;
import io.pollwatt.platform.archive.Node.MapNode;
import io.pollwatt.platform.archive.Node.ScalarNode;
import io.pollwatt.platform.archive.Node.SeqNode;
import io.pollwatt.platform.archive.SiteArchive.ControlKind;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.archive.SiteArchive.Ratio;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's own reader of site files (docs/site-format.md, "What the platform reads"): it takes only what an
 * archive (备案) holds and gives a {@link SiteArchive}, or an {@link ArchiveFileException} listing every problem as
 * {@code file:line:column: expected X, got 'Y'} with a code.
 *
 * <ul>
 *   <li>Twin-only keys are skipped unread: {@code shifts}, {@code faults}, {@code templates} at the top; a point's
 *       {@code load}; a meter's {@code configuredCt}, {@code accuracy}, {@code registerMaxKwh}, {@code energy}; a group's
 *       {@code lead} and {@code lag}; a stack's analyzer parameters (only whether it has one is read). Keys the format
 *       does not have are still refused, at the top as everywhere, so a typo never loses archive data silently.
 *   <li>The archive view: {@code archive.points} overrides name, kind, CT, PT and wiring; {@code archive.notArchived}
 *       points are left out, and so are references to them (a parent, group members, associations, stack
 *       production, DTU meters). A group left without members is dropped with its associations and stack links; a
 *       group's {@code required} is capped at its archived members; a control period that named only points left
 *       out is dropped (an empty list would mean "all").
 *   <li>Devices: the file's {@code devices:}, or, without that key, the default of docs/site-format.md: one DTU per
 *       99 installed points in point order (archived or not: an unarchived meter still reports) and one collector
 *       per stack with an analyzer, MNs from {@link #derivedMn}, PW {@code 123456}.
 * </ul>
 */
public final class ArchiveReader {

    /** Every top-level key the reader takes (the twin's, plus {@code devices}). */
    public static final List<String> SITE_KEYS = List.of(
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
    /** Top-level keys skipped unread: the twin's. */
    public static final List<String> TWIN_ONLY_SITE_KEYS = List.of("shifts", "faults", "templates");

    static final List<String> POINT_KEYS =
            List.of("id", "name", "kind", "parent", "circuit", "meter", "load", "limits");
    static final List<String> CIRCUIT_KEYS = List.of("voltage", "wiring", "pt");
    static final List<String> METER_KEYS = List.of("id", "ct", "configuredCt", "accuracy", "registerMaxKwh", "energy");
    static final List<String> LIMIT_KEYS =
            List.of("pOnKw", "pRefKw", "pHiKw", "rLow", "iMaxA", "uMinV", "uMaxV", "pfMin");
    static final List<String> GROUP_KEYS = List.of("id", "members", "required", "lead", "lag");
    static final List<String> ASSOCIATION_KEYS = List.of("production", "groups");
    static final List<String> PERIOD_KEYS =
            List.of("kind", "start", "end", "duration", "limitRatio", "production", "allowedLines");
    static final List<String> MAINTENANCE_KEYS = List.of("group", "start", "end", "duration", "approved", "reason");
    static final List<String> STACK_KEYS = List.of("id", "height", "production", "groups", "analyzer");
    static final List<String> ARCHIVE_KEYS = List.of("notArchived", "points", "unmetered");
    static final List<String> ARCHIVED_POINT_KEYS = List.of("id", "name", "kind", "ct", "pt", "wiring");
    static final List<String> UNMETERED_KEYS = List.of("name", "kind");
    static final List<String> DEVICE_KEYS = List.of("mn", "pw", "points", "stack");

    /** The zone of a file that names none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The line voltage of a point without {@code circuit.voltage}, V. */
    public static final double DEFAULT_VOLTAGE_V = 380;
    /** The PW of a device whose file names none. */
    public static final String DEFAULT_PW = "123456";
    /** The fixed head of a derived MN: {@code PW} in ASCII, as hex. */
    public static final String DERIVED_PREFIX = "5057";

    private static final int MAX_METERS = 99;
    private static final List<String> WIRINGS = List.of("3P4W", "3P3W");
    private static final Pattern RATIO = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern SHORT_DURATION =
            Pattern.compile("(-)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern MN = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern PW = Pattern.compile("[0-9A-Za-z]{1,6}");
    private static final String MN_EXPECTED =
            "an MN of 24 upper-case hex digits (HJ 212-2017 §5), like 010000A8900016F000169DC0";

    private final Errors errors;
    private String siteId;
    private final List<PointDraft> points = new ArrayList<>();
    private final List<GroupDraft> groups = new ArrayList<>();
    private final List<AssociationDraft> associations = new ArrayList<>();
    private final List<PeriodDraft> periods = new ArrayList<>();
    private final List<StackDraft> stacks = new ArrayList<>();
    private final List<Ref> notArchived = new ArrayList<>();
    private final List<OverrideDraft> overrides = new ArrayList<>();
    private final List<SiteArchive.Unmetered> unmetered = new ArrayList<>();
    private final List<DeviceDraft> devices = new ArrayList<>();
    private final List<MaintenanceDraft> maintenance = new ArrayList<>();
    private OptionalDouble capacityKva = OptionalDouble.empty();
    private boolean devicesGiven;

    private ArchiveReader(Errors errors) {
        this.errors = errors;
    }

    /**
     * Reads a site file (UTF-8).
     *
     * @throws ArchiveFileException with every problem in the file
     * @throws IOException when the file cannot be read
     */
    public static SiteArchive read(Path file) throws IOException, ArchiveFileException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArchiveFileException(
                    List.of(new ArchiveError(name, 1, 1, Code.SYNTAX, "UTF-8 text", "bytes that are not UTF-8")));
        }
        return parse(name, text);
    }

    /**
     * Reads a site from text; {@code source} names it in errors.
     *
     * @throws ArchiveFileException with every problem in the text
     */
    public static SiteArchive parse(String source, String text) throws ArchiveFileException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Errors errors = new Errors(source);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root = YamlNodes.read(body, errors);
        SiteArchive archive = root == null ? null : new ArchiveReader(errors).site(root);
        if (!errors.isEmpty() || archive == null) {
            throw new ArchiveFileException(errors.sorted());
        }
        return archive;
    }

    /**
     * A derived MN (docs/site-format.md, "Devices"): {@value #DERIVED_PREFIX}, then the first 8 bytes of SHA-256 of
     * the enterprise id's UTF-8 bytes as 16 upper-case hex digits, then {@code D} for the k-th DTU or {@code C} for
     * the collector of the k-th stack (1-based, counting every stack), then {@code k} as 3 hex digits: 24 characters.
     */
    public static String derivedMn(String enterpriseId, char role, int k) {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        if (role != 'D' && role != 'C') {
            throw new IllegalArgumentException("role must be D (DTU) or C (collector), got " + role);
        }
        if (k < 1 || k > 0xFFF) {
            throw new IllegalArgumentException("device index must be 1..4095, got " + k);
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(enterpriseId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        StringBuilder sb = new StringBuilder(DERIVED_PREFIX);
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, "%02X", hash[i] & 0xFF));
        }
        return sb.append(role).append(String.format(Locale.ROOT, "%03X", k)).toString();
    }

    // ---------------------------------------------------------------------------------------------------- the site

    private SiteArchive site(Node root) {
        Fields s = new Fields(root, "the site");
        if (!s.ok()) {
            return null;
        }
        s.allow(SITE_KEYS);
        siteId = s.id("id", true, "the enterprise id");
        String name = s.text("name", true, "the enterprise's name");
        String district = s.text("district", true, "the administrative district");
        String industry = s.text("industry", true, "the industry");
        ZoneId zone = DEFAULT_ZONE;
        String zoneText = s.text("zone", false, "a time zone like Asia/Shanghai");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(s.at("zone"), Code.BAD_VALUE, "a time zone like Asia/Shanghai", zoneText);
            }
        }
        capacityKva = s.positiveOptional("capacityKva", "a positive transformer or contracted capacity in kVA");
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
        for (Node n : s.seq("maintenance", false, "a list of maintenance declarations")) {
            maintenance(n);
        }
        archive(s.get("archive"));
        devicesGiven = s.has("devices");
        for (Node n : s.seq("devices", false, "a list of DTUs and data collectors")) {
            device(n);
        }
        checkReferences();
        if (!errors.isEmpty()) {
            return null;
        }
        return build(name, district, industry, zone);
    }

    // -------------------------------------------------------------------------------------------------- the points

    private void point(Node node) {
        Fields f = new Fields(node, label("point", node));
        if (!f.ok()) {
            return;
        }
        f.allow(POINT_KEYS);
        PointDraft d = new PointDraft();
        d.loc = f.loc;
        d.id = f.id("id", true, "a point id");
        d.idLoc = f.at("id");
        d.name = f.text("name", true, "the facility's name");
        d.kind = f.choice("kind", true, null, PointKind.class);
        d.parent = f.ref("parent", false, "a point id (the point whose circuit feeds this one)");
        d.voltage = DEFAULT_VOLTAGE_V;
        d.wiring = "3P4W";
        Node circuit = f.get("circuit");
        if (circuit != null) {
            Fields c = new Fields(circuit, "circuit of " + f.what);
            if (c.ok()) {
                c.allow(CIRCUIT_KEYS);
                Double v = c.positive("voltage", DEFAULT_VOLTAGE_V, "a positive line voltage in V");
                d.voltage = v == null ? DEFAULT_VOLTAGE_V : v;
                String w = c.oneOf("wiring", false, "3P4W", WIRINGS);
                d.wiring = w == null ? "3P4W" : w;
                d.pt = c.ratio("pt", false, "a PT ratio like 10000/100");
            }
        }
        Node meter = f.get("meter");
        if (meter == null) {
            f.missing("meter", "the meter: ct, and optionally id");
        } else {
            Fields m = new Fields(meter, "meter of " + f.what);
            if (m.ok()) {
                m.allow(METER_KEYS);
                String id = m.id("id", false, "a meter id");
                d.meterId = id != null ? id : d.id;
                d.meterLoc = m.has("id") ? m.at("id") : m.loc;
                d.ct = m.ratio("ct", true, "the installed CT ratio, like 200/5");
            }
        }
        d.limits = SiteArchive.Limits.NONE;
        Node limits = f.get("limits");
        if (limits != null) {
            Fields l = new Fields(limits, "limits of " + f.what);
            if (l.ok()) {
                l.allow(LIMIT_KEYS);
                OptionalDouble on = l.positiveOptional("pOnKw", "a positive power in kW");
                OptionalDouble ref = l.positiveOptional("pRefKw", "a positive power in kW");
                OptionalDouble hi = l.positiveOptional("pHiKw", "a positive power in kW");
                OptionalDouble low = l.positiveOptional("rLow", "a low-load ratio in (0, 1)");
                if (low.isPresent() && low.getAsDouble() >= 1) {
                    errors.add(
                            l.at("rLow"),
                            Code.OUT_OF_RANGE,
                            "a low-load ratio in (0, 1)",
                            l.get("rLow").shown());
                }
                OptionalDouble iMax = l.positiveOptional("iMaxA", "a positive phase current in A");
                OptionalDouble uMin = l.positiveOptional("uMinV", "a positive phase voltage in V");
                OptionalDouble uMax = l.positiveOptional("uMaxV", "a positive phase voltage in V");
                OptionalDouble pfMin = l.positiveOptional("pfMin", "a power factor in (0, 1]");
                if (pfMin.isPresent() && pfMin.getAsDouble() > 1) {
                    errors.add(
                            l.at("pfMin"),
                            Code.OUT_OF_RANGE,
                            "a power factor in (0, 1]",
                            l.get("pfMin").shown());
                }
                if (uMin.isPresent() && uMax.isPresent() && !(uMin.getAsDouble() < uMax.getAsDouble())) {
                    errors.add(
                            l.at("uMinV"),
                            Code.OUT_OF_RANGE,
                            "a lower voltage limit below uMaxV "
                                    + l.get("uMaxV").shown(),
                            l.get("uMinV").shown());
                }
                d.limits = new SiteArchive.Limits(on, ref, hi, low, iMax, uMin, uMax, pfMin);
            }
        }
        points.add(d);
    }

    // ------------------------------------------------------------------------------- groups, associations, periods

    private void group(Node node) {
        Fields g = new Fields(node, label("group", node));
        if (!g.ok()) {
            return;
        }
        g.allow(GROUP_KEYS);
        GroupDraft d = new GroupDraft();
        d.id = g.id("id", true, "a group id");
        d.idLoc = g.at("id");
        d.members = g.refs("members", true, "the TREAT point ids of the group, duty first");
        Double k = g.number("required", false, 1.0, "how many members must run, an integer");
        if (k != null && (k != Math.rint(k) || k < 1 || k > Math.max(1, d.members.size()))) {
            errors.add(
                    g.at("required"),
                    Code.OUT_OF_RANGE,
                    "an integer from 1 to the number of members (" + d.members.size() + ")",
                    g.get("required").shown());
            k = null;
        }
        d.required = k == null ? 1 : k.intValue();
        groups.add(d);
    }

    private void association(Node node) {
        Fields a = new Fields(node, "an association");
        if (!a.ok()) {
            return;
        }
        a.allow(ASSOCIATION_KEYS);
        List<Ref> production = a.refs("production", true, "PROD point ids");
        List<Ref> groupIds = a.refs("groups", true, "treatment group ids");
        associations.add(new AssociationDraft(production, groupIds));
    }

    private void period(Node node) {
        Fields p = new Fields(node, "a control period");
        if (!p.ok()) {
            return;
        }
        p.allow(PERIOD_KEYS);
        PeriodDraft d = new PeriodDraft();
        d.kind = p.choice("kind", true, null, ControlKind.class);
        d.start = p.dateTime("start", true, "the first local date-time, like 2026-03-01T08:00");
        d.end = end(p, d.start);
        if (d.kind == ControlKind.LIMIT) {
            Double r = p.number("limitRatio", true, null, "the allowed share of baseline production, in (0, 1)");
            if (r != null && !(r > 0 && r < 1)) {
                errors.add(
                        p.at("limitRatio"),
                        Code.OUT_OF_RANGE,
                        "the allowed share of baseline production, in (0, 1)",
                        p.get("limitRatio").shown());
            }
            d.limitRatio = r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
        } else {
            d.limitRatio = OptionalDouble.empty();
            if (p.has("limitRatio")) {
                errors.add(
                        p.at("limitRatio"),
                        Code.BAD_VALUE,
                        "no limitRatio (only LIMIT periods have one)",
                        p.get("limitRatio").shown());
            }
        }
        d.production = p.refs("production", false, "production point ids (none: all)");
        d.allowedLines = OptionalInt.empty();
        if (p.has("allowedLines")) {
            String expected = "a whole number ≥ 0 of production lines allowed to run (LIMIT only)";
            Double n = p.number("allowedLines", false, null, expected);
            if (n != null && (d.kind != ControlKind.LIMIT || n != Math.rint(n) || n < 0 || n > Integer.MAX_VALUE)) {
                errors.add(
                        p.at("allowedLines"),
                        Code.BAD_VALUE,
                        expected,
                        p.get("allowedLines").shown());
            } else if (n != null) {
                d.allowedLines = OptionalInt.of(n.intValue());
            }
        }
        periods.add(d);
    }

    private void maintenance(Node node) {
        Fields m = new Fields(node, "a maintenance declaration");
        if (!m.ok()) {
            return;
        }
        m.allow(MAINTENANCE_KEYS);
        MaintenanceDraft d = new MaintenanceDraft();
        d.group = m.ref("group", true, "a treatment group id, or the id of a TREAT point in no group");
        d.start = m.dateTime("start", true, "the first local date-time, like 2026-03-01T08:00");
        d.end = end(m, d.start);
        d.approved = false;
        if (m.has("approved")) {
            ScalarNode a = m.scalar("approved", false, "true or false");
            if (a != null && a.type() == Node.ScalarType.BOOLEAN) {
                d.approved = Boolean.parseBoolean(a.text().trim());
            } else if (a != null) {
                errors.add(a.loc(), Code.BAD_VALUE, "true or false", a.text());
            }
        }
        String reason = m.text("reason", false, "the declared reason");
        d.reason = reason == null ? "" : reason;
        maintenance.add(d);
    }

    private LocalDateTime end(Fields f, LocalDateTime start) {
        if (f.has("end") && f.has("duration")) {
            errors.add(
                    f.at("duration"),
                    Code.BAD_VALUE,
                    "either end or duration, not both",
                    f.get("duration").shown());
            return null;
        }
        if (f.has("duration")) {
            ScalarNode s = f.scalar("duration", true, "a positive duration (like 20m, 1h30m or PT20M)");
            if (s == null) {
                return null;
            }
            Duration d = s.isNumber() ? null : duration(s.text());
            if (d == null || d.isNegative() || d.isZero()) {
                errors.add(s.loc(), Code.BAD_VALUE, "a positive duration (like 20m, 1h30m or PT20M)", s.text());
                return null;
            }
            return start == null ? null : start.plus(d);
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
        Fields s = new Fields(node, label("stack", node));
        if (!s.ok()) {
            return;
        }
        s.allow(STACK_KEYS);
        StackDraft d = new StackDraft();
        d.id = s.id("id", true, "a stack id");
        d.idLoc = s.at("id");
        Double h = s.positive("height", null, "the stack height in m");
        d.height = h == null ? Double.NaN : h;
        d.production = s.refs("production", false, "production point ids discharging here");
        d.groups = s.refs("groups", false, "treatment group ids treating what goes out here");
        d.analyzer = s.has("analyzer");
        stacks.add(d);
    }

    // ----------------------------------------------------------------------------------------------------- archive

    private void archive(Node node) {
        if (node == null) {
            return;
        }
        Fields a = new Fields(node, "the archive");
        if (!a.ok()) {
            return;
        }
        a.allow(ARCHIVE_KEYS);
        notArchived.addAll(a.refs("notArchived", false, "ids of installed points the archive lacks"));
        for (Node n : a.seq("points", false, "a list of archived points")) {
            Fields p = new Fields(n, label("archived point", n));
            if (!p.ok()) {
                continue;
            }
            p.allow(ARCHIVED_POINT_KEYS);
            OverrideDraft o = new OverrideDraft();
            o.id = p.ref("id", true, "the id of the installed point");
            o.name = p.text("name", false, "the archived name");
            o.kind = p.choice("kind", false, null, PointKind.class);
            o.ct = p.ratio("ct", false, "the archived CT ratio, like 200/5");
            o.pt = p.ratio("pt", false, "the archived PT ratio, like 10000/100");
            o.wiring = p.oneOf("wiring", false, null, WIRINGS);
            if (o.id != null) {
                overrides.add(o);
            }
        }
        for (Node n : a.seq("unmetered", false, "a list of facilities without a metering point")) {
            Fields u = new Fields(n, "an unmetered facility");
            if (!u.ok()) {
                continue;
            }
            u.allow(UNMETERED_KEYS);
            String name = u.text("name", true, "the facility's name");
            PointKind kind = u.choice("kind", true, null, PointKind.class);
            if (name != null && kind != null) {
                unmetered.add(new SiteArchive.Unmetered(name, kind));
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- devices

    private void device(Node node) {
        Fields f = new Fields(node, "a device");
        if (!f.ok()) {
            return;
        }
        f.allow(DEVICE_KEYS);
        DeviceDraft d = new DeviceDraft();
        d.mn = f.text("mn", true, MN_EXPECTED);
        d.mnLoc = f.at("mn");
        if (d.mn != null && !MN.matcher(d.mn).matches()) {
            errors.add(d.mnLoc, Code.BAD_VALUE, MN_EXPECTED, d.mn);
            d.mn = null;
        }
        String pw = f.text("pw", false, "a PW of 1-6 of 0-9 a-z A-Z");
        if (pw != null && !PW.matcher(pw).matches()) {
            errors.add(f.at("pw"), Code.BAD_VALUE, "a PW of 1-6 of 0-9 a-z A-Z", pw);
        }
        d.pw = pw == null ? DEFAULT_PW : pw;
        boolean dtu = f.map.entry("points").isPresent();
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
            List<Node> items = f.seq("points", false, "the DTU's point ids in meter order (~ leaves a number unused)");
            if (items.size() > MAX_METERS) {
                errors.add(
                        f.at("points"),
                        Code.OUT_OF_RANGE,
                        "at most " + MAX_METERS + " points on one DTU (the meter number has two digits)",
                        items.size() + " points");
            }
            for (int i = 0; i < items.size() && i < MAX_METERS; i++) {
                Node item = items.get(i);
                if (item instanceof ScalarNode && ((ScalarNode) item).isNull()) {
                    continue;
                }
                if (!(item instanceof ScalarNode)) {
                    errors.add(
                            item.loc(), Code.WRONG_TYPE, "a point id, or ~ for an unused meter number", item.shown());
                } else if (!ID.matcher(((ScalarNode) item).text()).matches()) {
                    errors.add(
                            item.loc(),
                            Code.BAD_VALUE,
                            "a point id of 1-32 characters A-Z a-z 0-9 _ -",
                            ((ScalarNode) item).text());
                } else {
                    d.meters.add(new Slot(i + 1, new Ref(((ScalarNode) item).text(), item.loc())));
                }
            }
        }
        devices.add(d);
    }

    // -------------------------------------------------------------------------------------------------- references

    private void checkReferences() {
        Map<String, PointDraft> pointById = new LinkedHashMap<>();
        Map<String, PointDraft> meterById = new HashMap<>();
        for (PointDraft p : points) {
            if (p.id != null) {
                PointDraft first = pointById.putIfAbsent(p.id, p);
                if (first != null) {
                    errors.add(
                            p.idLoc,
                            Code.BAD_REFERENCE,
                            "a point id not used before (line " + first.idLoc.line() + ")",
                            p.id);
                }
            }
            if (p.meterId != null) {
                PointDraft first = meterById.putIfAbsent(p.meterId, p);
                if (first != null) {
                    errors.add(
                            p.meterLoc,
                            Code.BAD_REFERENCE,
                            "a meter id not used before (line " + first.meterLoc.line() + ")",
                            p.meterId);
                }
            }
        }
        Set<String> pointIds = pointById.keySet();
        for (PointDraft p : points) {
            if (p.parent != null) {
                if (p.parent.id().equals(p.id)) {
                    errors.add(
                            p.parent.loc(),
                            Code.BAD_REFERENCE,
                            "another point's id (a point cannot feed itself)",
                            p.id);
                } else {
                    known(p.parent, pointIds, "a point id");
                }
            }
        }
        checkParentLoops(pointById);
        Map<String, GroupDraft> groupById = new LinkedHashMap<>();
        for (GroupDraft g : groups) {
            if (g.id != null) {
                GroupDraft first = groupById.putIfAbsent(g.id, g);
                if (first != null) {
                    errors.add(
                            g.idLoc,
                            Code.BAD_REFERENCE,
                            "a group id not used before (line " + first.idLoc.line() + ")",
                            g.id);
                }
            }
            g.members.forEach(m -> known(m, pointIds, "a point id"));
        }
        for (AssociationDraft a : associations) {
            a.production().forEach(p -> known(p, pointIds, "a point id"));
            a.groups().forEach(g -> known(g, groupById.keySet(), "a group id"));
        }
        for (PeriodDraft c : periods) {
            c.production.forEach(p -> known(p, pointIds, "a point id"));
        }
        Map<String, StackDraft> stackById = new LinkedHashMap<>();
        for (StackDraft s : stacks) {
            if (s.id != null) {
                StackDraft first = stackById.putIfAbsent(s.id, s);
                if (first != null) {
                    errors.add(
                            s.idLoc,
                            Code.BAD_REFERENCE,
                            "a stack id not used before (line " + first.idLoc.line() + ")",
                            s.id);
                }
            }
            s.production.forEach(p -> known(p, pointIds, "a point id"));
            s.groups.forEach(g -> known(g, groupById.keySet(), "a group id"));
        }
        Set<String> groupOrPoint = new LinkedHashSet<>(groupById.keySet());
        groupOrPoint.addAll(pointIds);
        for (MaintenanceDraft m : maintenance) {
            if (m.group != null) {
                known(m.group, groupOrPoint, "a group id or a point id");
            }
        }
        notArchived.forEach(r -> known(r, pointIds, "a point id"));
        Set<String> overridden = new HashSet<>();
        for (OverrideDraft o : overrides) {
            known(o.id, pointIds, "a point id");
            if (!overridden.add(o.id.id())) {
                errors.add(o.id.loc(), Code.BAD_REFERENCE, "each point once in archive.points", o.id.id());
            }
            if (notArchived.stream().anyMatch(r -> r.id().equals(o.id.id()))) {
                errors.add(
                        o.id.loc(),
                        Code.BAD_REFERENCE,
                        "a point that is archived (it is listed in notArchived)",
                        o.id.id());
            }
        }
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
            for (Slot m : d.meters) {
                known(m.point(), pointIds, "a point id");
                Ref first = meterOf.putIfAbsent(m.point().id(), m.point());
                if (first != null) {
                    errors.add(
                            m.point().loc(),
                            Code.BAD_REFERENCE,
                            "a point on no other DTU meter (it is already at" + " line "
                                    + first.loc().line() + ")",
                            m.point().id());
                }
            }
            if (d.stack != null) {
                known(d.stack, stackById.keySet(), "a stack id");
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

    private void checkParentLoops(Map<String, PointDraft> pointById) {
        for (PointDraft start : pointById.values()) {
            List<String> chain = new ArrayList<>();
            PointDraft p = start;
            while (p != null && p.parent != null && !chain.contains(p.id)) {
                chain.add(p.id);
                p = pointById.get(p.parent.id());
            }
            if (p != null && p.id.equals(start.id) && chain.size() > 1) {
                chain.add(start.id);
                errors.add(
                        start.parent.loc(),
                        Code.BAD_REFERENCE,
                        "a parent chain that reaches a point without parent (" + String.join(" → ", chain)
                                + " is a loop)",
                        start.parent.id());
            }
        }
    }

    private void known(Ref r, Collection<String> ids, String expected) {
        if (!ids.contains(r.id())) {
            List<String> list = new ArrayList<>(ids);
            String shown = list.isEmpty()
                    ? " (the file has none)"
                    : " (" + String.join(", ", list.subList(0, Math.min(6, list.size())))
                            + (list.size() > 6 ? ", …" : "") + ")";
            errors.add(r.loc(), Code.BAD_REFERENCE, expected + shown, r.id());
        }
    }

    // ------------------------------------------------------------------------------------------- the archive view

    private SiteArchive build(String name, String district, String industry, ZoneId zone) {
        Set<String> left = new HashSet<>();
        notArchived.forEach(r -> left.add(r.id()));
        Map<String, OverrideDraft> overrideOf = new HashMap<>();
        overrides.forEach(o -> overrideOf.put(o.id.id(), o));
        List<SiteArchive.Point> archived = new ArrayList<>();
        for (PointDraft p : points) {
            if (left.contains(p.id)) {
                continue;
            }
            OverrideDraft o = overrideOf.get(p.id);
            Optional<String> parent =
                    p.parent == null || left.contains(p.parent.id()) ? Optional.empty() : Optional.of(p.parent.id());
            archived.add(new SiteArchive.Point(
                    p.id,
                    o != null && o.name != null ? o.name : p.name,
                    o != null && o.kind != null ? o.kind : p.kind,
                    parent,
                    p.voltage,
                    o != null && o.wiring != null ? o.wiring : p.wiring,
                    Optional.ofNullable(o != null && o.pt != null ? o.pt : p.pt),
                    p.meterId,
                    o != null && o.ct != null ? o.ct : p.ct,
                    p.limits));
        }
        Set<String> kept = new HashSet<>();
        List<SiteArchive.Group> groupList = new ArrayList<>();
        for (GroupDraft g : groups) {
            List<String> members = archivedIds(g.members, left);
            if (!members.isEmpty()) {
                groupList.add(new SiteArchive.Group(g.id, members, Math.min(g.required, members.size())));
                kept.add(g.id);
            }
        }
        List<SiteArchive.Association> pairs = new ArrayList<>();
        Set<SiteArchive.Association> seen = new HashSet<>();
        for (AssociationDraft a : associations) {
            for (Ref p : a.production()) {
                for (Ref g : a.groups()) {
                    SiteArchive.Association pair = new SiteArchive.Association(p.id(), g.id());
                    if (!left.contains(p.id()) && kept.contains(g.id()) && seen.add(pair)) {
                        pairs.add(pair);
                    }
                }
            }
        }
        List<SiteArchive.ControlPeriod> control = new ArrayList<>();
        for (PeriodDraft c : periods) {
            List<String> production = archivedIds(c.production, left);
            if (c.production.isEmpty() || !production.isEmpty()) {
                control.add(new SiteArchive.ControlPeriod(
                        c.kind, c.start, c.end, c.limitRatio, production, c.allowedLines));
            }
        }
        List<SiteArchive.Stack> stackList = new ArrayList<>();
        for (StackDraft s : stacks) {
            List<String> stackGroups = new ArrayList<>();
            s.groups.stream().map(Ref::id).filter(kept::contains).forEach(stackGroups::add);
            stackList.add(new SiteArchive.Stack(s.id, s.height, archivedIds(s.production, left), stackGroups));
        }
        List<SiteArchive.Maintenance> declarations = new ArrayList<>();
        for (MaintenanceDraft m : maintenance) {
            if (kept.contains(m.group.id())
                    || (!left.contains(m.group.id())
                            && !groups.stream().anyMatch(g -> m.group.id().equals(g.id)))) {
                declarations.add(new SiteArchive.Maintenance(m.group.id(), m.start, m.end, m.approved, m.reason));
            }
        }
        List<SiteArchive.Dtu> dtus = new ArrayList<>();
        List<SiteArchive.Collector> collectors = new ArrayList<>();
        if (devicesGiven) {
            for (DeviceDraft d : devices) {
                if (d.dtu) {
                    List<SiteArchive.Meter> meters = new ArrayList<>();
                    for (Slot m : d.meters) {
                        if (!left.contains(m.point().id())) {
                            meters.add(
                                    new SiteArchive.Meter(m.number(), m.point().id()));
                        }
                    }
                    dtus.add(new SiteArchive.Dtu(d.mn, d.pw, meters));
                } else {
                    collectors.add(new SiteArchive.Collector(d.mn, d.pw, d.stack.id()));
                }
            }
        } else {
            for (int from = 0, k = 1; from < points.size(); from += MAX_METERS, k++) {
                List<SiteArchive.Meter> meters = new ArrayList<>();
                for (int i = from; i < Math.min(points.size(), from + MAX_METERS); i++) {
                    if (!left.contains(points.get(i).id)) {
                        meters.add(new SiteArchive.Meter(i - from + 1, points.get(i).id));
                    }
                }
                dtus.add(new SiteArchive.Dtu(derivedMn(siteId, 'D', k), DEFAULT_PW, meters));
            }
            for (int i = 0; i < stacks.size(); i++) {
                if (stacks.get(i).analyzer) {
                    collectors.add(
                            new SiteArchive.Collector(derivedMn(siteId, 'C', i + 1), DEFAULT_PW, stacks.get(i).id));
                }
            }
        }
        return new SiteArchive(
                siteId,
                name,
                district,
                industry,
                zone,
                archived,
                groupList,
                pairs,
                control,
                stackList,
                unmetered,
                dtus,
                collectors,
                capacityKva,
                declarations);
    }

    private static List<String> archivedIds(List<Ref> refs, Set<String> left) {
        Set<String> out = new LinkedHashSet<>();
        refs.stream().map(Ref::id).filter(id -> !left.contains(id)).forEach(out::add);
        return new ArrayList<>(out);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static String label(String what, Node node) {
        if (node instanceof MapNode) {
            Node id = ((MapNode) node).entry("id").map(Entry::value).orElse(null);
            if (id instanceof ScalarNode && !((ScalarNode) id).isNull()) {
                return what + " " + ((ScalarNode) id).text();
            }
        }
        return what;
    }

    static Ratio ratio(String text) {
        Matcher m = RATIO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigDecimal primary = new BigDecimal(m.group(1));
        BigDecimal secondary = new BigDecimal(m.group(2));
        return primary.signum() > 0 && secondary.signum() > 0 ? new Ratio(primary, secondary) : null;
    }

    static Duration duration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P") || t.startsWith("+P")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = SHORT_DURATION.matcher(t);
        if (!m.matches() || t.isEmpty() || t.equals("-")) {
            return null;
        }
        Duration d = Duration.ofDays(number(m.group(2)))
                .plusHours(number(m.group(3)))
                .plusMinutes(number(m.group(4)))
                .plusSeconds(number(m.group(5)));
        return m.group(1) != null ? d.negated() : d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    static LocalDateTime dateTime(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11).trim();
        }
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An id written at a place. */
    private record Ref(String id, Loc loc) {}

    private record Slot(int number, Ref point) {}

    private record AssociationDraft(List<Ref> production, List<Ref> groups) {}

    private static final class PointDraft {
        String id;
        Loc idLoc;
        Loc loc;
        String name;
        PointKind kind;
        Ref parent;
        double voltage;
        String wiring;
        Ratio pt;
        String meterId;
        Loc meterLoc;
        Ratio ct;
        SiteArchive.Limits limits;
    }

    private static final class OverrideDraft {
        Ref id;
        String name;
        PointKind kind;
        Ratio ct;
        Ratio pt;
        String wiring;
    }

    private static final class GroupDraft {
        String id;
        Loc idLoc;
        List<Ref> members = List.of();
        int required;
    }

    private static final class PeriodDraft {
        ControlKind kind;
        LocalDateTime start;
        LocalDateTime end;
        OptionalDouble limitRatio;
        List<Ref> production = List.of();
        OptionalInt allowedLines = OptionalInt.empty();
    }

    private static final class MaintenanceDraft {
        Ref group;
        LocalDateTime start;
        LocalDateTime end;
        boolean approved;
        String reason;
    }

    private static final class StackDraft {
        String id;
        Loc idLoc;
        double height;
        boolean analyzer;
        List<Ref> production = List.of();
        List<Ref> groups = List.of();
    }

    private static final class DeviceDraft {
        String mn;
        Loc mnLoc;
        String pw;
        boolean dtu;
        final List<Slot> meters = new ArrayList<>();
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

        Node get(String key) {
            Node v = map.entry(key).map(Entry::value).orElse(null);
            return v instanceof ScalarNode && ((ScalarNode) v).isNull() ? null : v;
        }

        boolean has(String key) {
            return get(key) != null;
        }

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
            if (!ID.matcher(s.text()).matches()) {
                errors.add(s.loc(), Code.BAD_VALUE, description + " of 1-32 characters A-Z a-z 0-9 _ -", s.text());
                return null;
            }
            return s.text();
        }

        Ref ref(String key, boolean required, String description) {
            String id = id(key, required, description);
            return id == null ? null : new Ref(id, at(key));
        }

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
                } else if (!ID.matcher(((ScalarNode) item).text()).matches()) {
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

        Double number(String key, boolean required, Double fallback, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return get(key) != null ? null : fallback;
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

        OptionalDouble positiveOptional(String key, String description) {
            if (!has(key)) {
                return OptionalDouble.empty();
            }
            Double v = positive(key, Double.NaN, description);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }

        <E extends Enum<E>> E choice(String key, boolean required, E fallback, Class<E> type) {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name());
            }
            String v = oneOf(key, required, fallback == null ? null : fallback.name(), names);
            return v == null ? null : Enum.valueOf(type, v);
        }

        String oneOf(String key, boolean required, String fallback, List<String> names) {
            String expected = "one of " + String.join(", ", names);
            ScalarNode s = scalar(key, required, expected);
            if (s == null) {
                return get(key) != null ? null : fallback;
            }
            if (!names.contains(s.text())) {
                errors.add(s.loc(), Code.BAD_VALUE, expected, s.text());
                return null;
            }
            return s.text();
        }

        Ratio ratio(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return null;
            }
            Ratio r = ArchiveReader.ratio(s.text());
            if (r == null) {
                errors.add(s.loc(), Code.BAD_VALUE, description, s.text());
            }
            return r;
        }

        LocalDateTime dateTime(String key, boolean required, String description) {
            ScalarNode s = scalar(key, required, description);
            if (s == null) {
                return null;
            }
            LocalDateTime t = ArchiveReader.dateTime(s.text());
            if (t == null) {
                errors.add(s.loc(), Code.BAD_VALUE, description, s.text());
            }
            return t;
        }
    }
}
