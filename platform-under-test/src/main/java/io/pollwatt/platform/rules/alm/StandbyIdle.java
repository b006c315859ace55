package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ALM-09's readiness reminder (主备): a member of a treatment group that has a standby (more members than it requires)
 * not running (RUN or HIGH) for at least {@code alm.standbyIdleDays}; key = the member. Unknown samples are bridged
 * as in §0, longer gaps end the stretch, so it can only be seen when the grid holds that many days. It is an
 * operation reminder, not an alarm: always level 3 (the lowest), whatever its length. The rest of ALM-09 (switch-over
 * gap, backup running) lives in the group state and ALM-01…03.
 */
public final class StandbyIdle implements Rule {

    @Override
    public String id() {
        return "ALM-09";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public int lookbackDays(io.pollwatt.platform.rules.RuleConfig.Values config) {
        return config.count("alm.standbyIdleDays");
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double days = e.config().number("alm.standbyIdleDays");
        int min = Math.max(1, (int) Math.ceil(days * 24 * 60 / e.config().number("agg.realtimeIntervalMin") - 1e-9));
        if (min > e.grid().size()) {
            return; // the grid cannot hold that many days
        }
        for (SiteArchive.Group g : e.groups().values()) {
            if (g.members().size() <= g.required()) {
                continue; // no standby
            }
            for (String m : g.members()) {
                OperatingState[] st = e.state(m);
                byte[] cond = new byte[st.length];
                for (int i = 0; i < cond.length; i++) {
                    cond[i] = st[i] == OperatingState.NO_DATA
                            ? Episodes.UNKNOWN
                            : st[i].running() ? Episodes.FALSE : Episodes.TRUE;
                }
                for (Episodes.Episode ep :
                        Episodes.of(cond, e.data().point(m).series().known())) {
                    int raised = ep.reached(min);
                    if (raised < 0) {
                        continue;
                    }
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("at", e.grid().time(ep.start()).toString());
                    ev.put("group", g.id());
                    ev.put("member", Evidence.point(e, m, raised));
                    ev.put("config", e.config().subset("alm.standbyIdleDays"));
                    out.add(e.finding(this, m, "standbyIdle", List.of(m), g.members(), ep, raised, 3, ev));
                }
            }
        }
    }
}
