package io.pollwatt.twin.site;

import java.util.Objects;
import java.util.Optional;

/**
 * A metering point (监测点位): one facility's circuit and the meter on it.
 *
 * @param id point id, unique in the enterprise (P1, T3, M1…)
 * @param name the facility's name as archived (in Chinese, as enterprises write it)
 * @param kind MAIN, PROD, TREAT, PROD_TREAT or INDIRECT
 * @param circuit the circuit
 * @param meter the meter
 * @param load how the facility draws power while running (MAIN points: the load of what they feed is computed)
 * @param limits the judgement limits as archived
 * @param parentId the point whose circuit feeds this one (逐级监测), or {@code null} for a point fed by the main
 *     incomer
 */
public record Facility(
        String id,
        String name,
        FacilityKind kind,
        Circuit circuit,
        Meter meter,
        LoadProfile load,
        JudgementLimits limits,
        String parentId) {

    public Facility {
        Ids.check(id, "point id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(limits, "limits");
        if (kind != FacilityKind.MAIN) {
            Objects.requireNonNull(load, "point " + id + ": a " + kind + " point needs a load profile");
        }
        if (parentId != null) {
            Ids.check(parentId, "parent of " + id);
            if (parentId.equals(id)) {
                throw new IllegalArgumentException("point " + id + " cannot feed itself");
            }
        }
    }

    /** The feeding point, if any. */
    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }

    /** Whether the point counts as production (PROD and PROD_TREAT, D6). */
    public boolean isProduction() {
        return kind == FacilityKind.PROD || kind == FacilityKind.PROD_TREAT;
    }
}
