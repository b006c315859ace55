package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DQ-01…04, configuration findings from the archive: no metering point at all (DQ-01), no MAIN (DQ-02), no
 * production point (DQ-03; PROD_TREAT counts) and no treatment point (DQ-04; PROD_TREAT never counts: circuits can be
 * metered separately). DQ-03 and DQ-04 also fire per production or treatment facility of the permit/EIA list that
 * has no point. Without any point only DQ-01 reports the enterprise, since the three others would say the same
 * thing thrice. A configuration fault holds for the whole evaluated range and until the archive changes: start =
 * grid start, open, level 3 (they have no duration of their own).
 */
public final class MissingPoints implements Rule {

    private final String id;
    private final String subtype;
    private final Set<PointKind> satisfiedBy;
    private final PointKind facilityKind;

    private MissingPoints(String id, String subtype, Set<PointKind> satisfiedBy, PointKind facilityKind) {
        this.id = id;
        this.subtype = subtype;
        this.satisfiedBy = satisfiedBy;
        this.facilityKind = facilityKind;
    }

    /** DQ-01: no metering point. */
    public static MissingPoints noPoints() {
        return new MissingPoints("DQ-01", "noPoints", Set.of(PointKind.values()), null);
    }

    /** DQ-02: no MAIN point. */
    public static MissingPoints noMain() {
        return new MissingPoints("DQ-02", "noMain", Set.of(PointKind.MAIN), null);
    }

    /** DQ-03: no production point (PROD or PROD_TREAT), or a production facility without a point. */
    public static MissingPoints noProduction() {
        return new MissingPoints("DQ-03", "noProduction", Set.of(PointKind.PROD, PointKind.PROD_TREAT), PointKind.PROD);
    }

    /** DQ-04: no TREAT point, or a treatment facility without a point. */
    public static MissingPoints noTreatment() {
        return new MissingPoints("DQ-04", "noTreatment", Set.of(PointKind.TREAT), PointKind.TREAT);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        SiteArchive a = e.data().archive();
        boolean anyPoint = !a.points().isEmpty();
        boolean satisfied = a.points().stream().anyMatch(p -> satisfiedBy.contains(p.kind()));
        if (!satisfied && (anyPoint || id.equals("DQ-01"))) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("points", a.points().size());
            ev.put("satisfiedBy", satisfiedBy.stream().map(Enum::name).sorted().toList());
            out.add(finding(e, e.enterpriseId(), subtype, ev));
        }
        if (facilityKind == null) {
            return;
        }
        for (SiteArchive.Unmetered u : a.unmetered()) {
            if (u.kind() == facilityKind) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("facility", u.name());
                ev.put("kind", u.kind().name());
                out.add(finding(e, u.name(), "unmeteredFacility", ev));
            }
        }
    }

    private Finding finding(Evaluation e, String key, String subtype, Map<String, Object> evidence) {
        return new Finding(
                id,
                version(),
                e.enterpriseId(),
                key,
                subtype,
                List.of(),
                List.of(),
                e.grid().from(),
                e.grid().from(),
                null,
                3,
                evidence);
    }
}
