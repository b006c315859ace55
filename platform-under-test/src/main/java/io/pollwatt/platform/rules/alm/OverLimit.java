package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ALM-05 越限: a point's P above its upper limit P_hi (entered, else {@code state.highRatio}·P_ref, ST-06) for at
 * least {@code alm.overLimitMinMin}; key = the point. Only the default limit of the rulebook (P > P_hi) is checked:
 * the archive holds no other limits (I, U, PF; lower limits). "Above P_hi" is the point's HIGH state, so samples that
 * ST-07 makes NO_DATA are unknown and a point on the current fallback (ST-02: no HIGH) is not judged.
 */
public final class OverLimit implements Rule {

    @Override
    public String id() {
        return "ALM-05";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        int min = e.config().samples("alm.overLimitMinMin");
        for (PointData p : e.data().points().values()) {
            if (p.thresholds().pHi().isEmpty()) {
                continue;
            }
            OperatingState[] st = e.state(p.id());
            byte[] cond = new byte[st.length];
            for (int i = 0; i < cond.length; i++) {
                cond[i] = st[i] == OperatingState.NO_DATA
                        ? Episodes.UNKNOWN
                        : st[i] == OperatingState.HIGH ? Episodes.TRUE : Episodes.FALSE;
            }
            for (Episodes.Episode ep : Episodes.of(cond, p.series().known())) {
                int raised = ep.reached(min);
                if (raised < 0) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(ep.start()).toString());
                ev.put("point", Evidence.point(e, p.id(), ep.start()));
                ev.put("pHiKw", p.thresholds().pHi().getAsDouble());
                ev.put("config", ControlPeriods.config(e, "alm.overLimitMinMin", "state.highRatio"));
                out.add(e.finding(this, p.id(), "pHigh", List.of(p.id()), List.of(), ep, raised, ev));
            }
        }
    }
}
