package io.pollwatt.verification.site;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.site.CtRatio;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.PtRatio;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform's archive (平台档案) says about the site where it differs from the truth the twin simulates: points
 * installed but never archived, archived values that differ from the installation (a wrong CT ratio, a production
 * meter archived as treatment), and facilities the permit or EIA names that have no metering point. The twin does
 * not use it; the platform under test is given it. Points not mentioned are archived as installed.
 *
 * @param notArchived ids of installed points the archive lacks (the seed's plastics factory: 10 installed, 5 shown)
 * @param points archived values that differ from the installation, one entry per point
 * @param unmetered facilities with no metering point (the seed's building-materials company: spray tower and UV unit)
 */
public record Archive(List<String> notArchived, List<ArchivedPoint> points, List<UnmeteredFacility> unmetered) {

    /** An archive that matches the installation. */
    public static final Archive AS_INSTALLED = new Archive(List.of(), List.of(), List.of());

    public Archive {
        notArchived = List.copyOf(notArchived);
        points = List.copyOf(points);
        unmetered = List.copyOf(unmetered);
    }

    /** Whether the platform's archive has the point. */
    public boolean isArchived(String pointId) {
        return !notArchived.contains(pointId);
    }

    /** The archived values of a point that differ from the installation, if any do. */
    public Optional<ArchivedPoint> point(String pointId) {
        return points.stream().filter(p -> p.pointId().equals(pointId)).findFirst();
    }

    /**
     * A point as archived, where that differs from what is installed; an empty value means "as installed".
     *
     * @param pointId the installed point
     * @param name archived name
     * @param kind archived point type (a production meter archived as TREAT)
     * @param ct archived CT ratio (compare with the meter's installed and configured ratios)
     * @param pt archived PT ratio
     * @param wiring archived wiring
     */
    public record ArchivedPoint(
            String pointId,
            Optional<String> name,
            Optional<FacilityKind> kind,
            Optional<CtRatio> ct,
            Optional<PtRatio> pt,
            Optional<Wiring> wiring) {
        public ArchivedPoint {
            Objects.requireNonNull(pointId, "pointId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ct, "ct");
            Objects.requireNonNull(pt, "pt");
            Objects.requireNonNull(wiring, "wiring");
        }
    }

    /**
     * A facility that should be metered and is not (无对应监管点位).
     *
     * @param name its name as the permit or EIA gives it
     * @param kind what it would be metered as
     */
    public record UnmeteredFacility(String name, FacilityKind kind) {
        public UnmeteredFacility {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
