package io.pollwatt.twin.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An enterprise (企业) as the twin simulates it: its metering points, treatment groups, associations, shifts, control
 * periods and stacks. The constructor checks every reference and reports all problems at once.
 *
 * @param id enterprise id
 * @param name name (Chinese, as registered)
 * @param district administrative district (for the dashboard's filter)
 * @param industry industry
 * @param facilities the metering points, in archive order
 * @param groups treatment groups; a TREAT point in no group forms a group of its own with k = 1
 * @param associations production ↔ treatment-group relations
 * @param shifts daily production shifts
 * @param controlPeriods 停/限产 and 错峰 periods
 * @param stacks the stacks
 */
public record Enterprise(
        String id,
        String name,
        String district,
        String industry,
        List<Facility> facilities,
        List<TreatmentGroup> groups,
        List<Association> associations,
        List<Shift> shifts,
        List<ControlPeriod> controlPeriods,
        List<Stack> stacks) {

    public Enterprise {
        Ids.check(id, "enterprise id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(industry, "industry");
        facilities = List.copyOf(facilities);
        groups = List.copyOf(groups);
        associations = List.copyOf(associations);
        shifts = List.copyOf(shifts);
        controlPeriods = List.copyOf(controlPeriods);
        stacks = List.copyOf(stacks);
        List<String> problems = problems(id, facilities, groups, associations, controlPeriods, stacks);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "enterprise " + id + " has " + problems.size() + " problem(s): " + String.join("; ", problems));
        }
    }

    /** The point with the given id. */
    public Optional<Facility> facility(String pointId) {
        return facilities.stream().filter(f -> f.id().equals(pointId)).findFirst();
    }

    /** The points of one kind, in archive order. */
    public List<Facility> facilities(FacilityKind kind) {
        return facilities.stream().filter(f -> f.kind() == kind).toList();
    }

    private static List<String> problems(
            String id,
            List<Facility> facilities,
            List<TreatmentGroup> groups,
            List<Association> associations,
            List<ControlPeriod> controlPeriods,
            List<Stack> stacks) {
        List<String> out = new ArrayList<>();
        Map<String, Facility> byId = new HashMap<>();
        for (Facility f : facilities) {
            if (byId.put(f.id(), f) != null) {
                out.add("point " + f.id() + " is defined twice");
            }
        }
        Set<String> meters = new HashSet<>();
        for (Facility f : facilities) {
            if (!meters.add(f.meter().id())) {
                out.add("meter " + f.meter().id() + " is on two points");
            }
            if (f.parentId() != null && !byId.containsKey(f.parentId())) {
                out.add("point " + f.id() + " names an unknown parent " + f.parentId());
            }
        }
        for (Facility f : facilities) {
            Set<String> chain = new HashSet<>();
            Facility p = f;
            while (p != null && p.parentId() != null && chain.add(p.id())) {
                p = byId.get(p.parentId());
            }
            if (p != null && p.parentId() != null && p.id().equals(f.id())) {
                out.add("point " + f.id() + " feeds itself through its parents " + chain);
            }
        }
        Set<String> groupIds = new HashSet<>();
        for (TreatmentGroup g : groups) {
            if (!groupIds.add(g.id())) {
                out.add("group " + g.id() + " is defined twice");
            }
            for (String m : g.members()) {
                Facility f = byId.get(m);
                if (f == null) {
                    out.add("group " + g.id() + " names an unknown point " + m);
                } else if (f.kind() != FacilityKind.TREAT) {
                    out.add("group " + g.id() + " member " + m + " is " + f.kind() + ", not TREAT");
                }
            }
        }
        for (Association a : associations) {
            Facility p = byId.get(a.productionId());
            if (p == null) {
                out.add("association names an unknown production point " + a.productionId());
            } else if (p.kind() != FacilityKind.PROD) {
                // D6: PROD_TREAT is never used in production ↔ treatment association
                out.add("association production point " + a.productionId() + " is " + p.kind() + ", not PROD");
            }
            if (!groupIds.contains(a.groupId())) {
                out.add("association names an unknown group " + a.groupId());
            }
        }
        for (ControlPeriod c : controlPeriods) {
            for (String p : c.productionIds()) {
                Facility f = byId.get(p);
                if (f == null || !f.isProduction()) {
                    out.add("control period from " + c.start() + " names " + p + ", not a production point");
                }
            }
        }
        Set<String> stackIds = new HashSet<>();
        for (Stack s : stacks) {
            if (!stackIds.add(s.id())) {
                out.add("stack " + s.id() + " is defined twice");
            }
            for (String p : s.productionIds()) {
                Facility f = byId.get(p);
                if (f == null || !f.isProduction()) {
                    out.add("stack " + s.id() + " names " + p + ", not a production point");
                }
            }
            for (String g : s.groupIds()) {
                if (!groupIds.contains(g)) {
                    out.add("stack " + s.id() + " names an unknown group " + g);
                }
            }
        }
        return out;
    }
}
