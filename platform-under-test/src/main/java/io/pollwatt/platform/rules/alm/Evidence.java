package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.PointData;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values and thresholds an alarm keeps as its evidence (rulebook §4), taken at one sample. */
final class Evidence {

    private Evidence() {}

    /** Production point {@code p} and group {@code g} at sample {@code i}, with the rule's own keys. */
    static Map<String, Object> association(Evaluation e, String p, String g, int i, String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.grid().time(i).toString());
        m.put("production", point(e, p, i));
        SiteArchive.Group group = e.groups().get(g);
        Map<String, Object> gm = new LinkedHashMap<>();
        gm.put("id", g);
        gm.put("required", group.required());
        gm.put("state", e.groupState(g)[i].name());
        Map<String, Object> members = new LinkedHashMap<>();
        for (String t : group.members()) {
            members.put(t, point(e, t, i));
        }
        gm.put("members", members);
        m.put("group", gm);
        m.put("config", e.config().subset(keys));
        return m;
    }

    /** One point at sample {@code i}: its state, power and thresholds. */
    static Map<String, Object> point(Evaluation e, String id, int i) {
        PointData p = e.data().point(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", e.state(id)[i].name());
        double kw = p.series().value("P", i);
        m.put("pKw", Double.isNaN(kw) ? null : kw);
        m.put("pOnKw", p.thresholds().pOn());
        m.put("pOffKw", p.thresholds().pOff());
        p.thresholds().pRef().ifPresent(r -> m.put("pRefKw", r));
        p.thresholds().lowBelow().ifPresent(r -> m.put("lowBelowKw", r));
        m.put("thresholdsDerived", p.thresholds().derived());
        if (e.onFallback(id, i)) {
            m.put("fallback", "current");
        }
        return m;
    }
}
