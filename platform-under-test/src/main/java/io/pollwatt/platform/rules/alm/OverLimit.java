package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.OperatingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * ALM-05 越限: a configured limit of a point violated for at least {@code alm.overLimitMinMin}.
 *
 * <ul>
 *   <li>P above P_hi (entered, else {@code state.highRatio}·P_ref, ST-06); key = the point, subtype {@code pHigh}.
 *       "Above P_hi" is the point's HIGH state, so samples that ST-07 makes NO_DATA are unknown and a point on the
 *       current fallback (ST-02: no HIGH) is not judged.
 *   <li>The archive's limits on other quantities (docs/site-format.md, {@code limits}); key = point/subtype:
 *       {@code iMax} some phase current above {@code iMaxA}; {@code uMin} / {@code uMax} some phase voltage below
 *       {@code uMinV} / above {@code uMaxV} (3P3W points have no phase voltages and are not judged; samples in an
 *       enterprise outage are not violations); {@code pfMin} |PF| below {@code pfMin} while the point runs (an idle
 *       point's PF says nothing). A sample is unknown when no record or no usable value of the quantity came.
 * </ul>
 */
public final class OverLimit implements Rule {

    private static final List<String> CURRENTS = List.of("IA", "IB", "IC");
    private static final List<String> VOLTAGES = List.of("UA", "UB", "UC");

    @Override
    public String id() {
        return "ALM-05";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        int min = e.config().samples("alm.overLimitMinMin");
        for (PointData p : e.data().points().values()) {
            if (p.thresholds().pHi().isPresent()) {
                pHigh(e, p, min, out);
            }
            SiteArchive.Limits l = p.point().limits();
            other(e, p, min, "iMax", "iMaxA", l.iMaxA(), CURRENTS, true, false, out);
            if (!p.threeWire()) {
                other(e, p, min, "uMin", "uMinV", l.uMinV(), VOLTAGES, false, false, out);
                other(e, p, min, "uMax", "uMaxV", l.uMaxV(), VOLTAGES, true, false, out);
            }
            other(e, p, min, "pfMin", "pfMin", l.pfMin(), List.of("PF"), false, true, out);
        }
    }

    private void pHigh(Evaluation e, PointData p, int min, Findings out) {
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
            ev.put("config", e.config().subset("alm.overLimitMinMin", "state.highRatio"));
            out.add(e.finding(this, p.id(), "pHigh", List.of(p.id()), List.of(), ep, raised, ev));
        }
    }

    /**
     * One archived limit on quantities {@code qs}: an upper bound ({@code upper}) is violated by any value above it, a
     * lower bound by any value below it ({@code abs}: of |value|); {@code whileRunning}: only while the point runs.
     */
    private void other(
            Evaluation e,
            PointData p,
            int min,
            String subtype,
            String key,
            OptionalDouble limit,
            List<String> qs,
            boolean upper,
            boolean whileRunning,
            Findings out) {
        if (limit.isEmpty()) {
            return;
        }
        double bound = limit.getAsDouble();
        Series s = p.series();
        OperatingState[] st = e.state(p.id());
        boolean[] outage = e.outage();
        byte[] cond = new byte[st.length];
        for (int i = 0; i < cond.length; i++) {
            if (outage[i] && !upper) {
                cond[i] = Episodes.FALSE; // no voltage in an outage: ALM-11's finding, not a limit violation
                continue;
            }
            if (whileRunning) {
                if (st[i] == OperatingState.NO_DATA) {
                    cond[i] = Episodes.UNKNOWN;
                    continue;
                }
                if (!st[i].running()) {
                    cond[i] = Episodes.FALSE;
                    continue;
                }
            }
            cond[i] = violated(s, i, qs, bound, upper);
        }
        for (Episodes.Episode ep : Episodes.of(cond, s.known())) {
            int raised = ep.reached(min);
            if (raised < 0) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(ep.start()).toString());
            ev.put("point", Evidence.point(e, p.id(), ep.start()));
            ev.put("quantity", String.join(",", qs));
            ev.put("bound", upper ? "upper" : "lower");
            ev.put(key, bound);
            Map<String, Object> values = new LinkedHashMap<>();
            for (String q : qs) {
                values.put(q, s.has(q, ep.start()) ? s.value(q, ep.start()) : null);
            }
            ev.put("valuesAtStart", values);
            ev.put("config", e.config().subset("alm.overLimitMinMin"));
            out.add(e.finding(this, p.id() + "/" + subtype, subtype, List.of(p.id()), List.of(), ep, raised, ev));
        }
    }

    private static byte violated(Series s, int i, List<String> qs, double bound, boolean upper) {
        if (!s.present(i)) {
            return Episodes.UNKNOWN;
        }
        boolean any = false;
        for (String q : qs) {
            if (!s.usable(q, i)) {
                continue;
            }
            any = true;
            double v = Math.abs(s.value(q, i));
            if (upper ? v > bound : v < bound) {
                return Episodes.TRUE;
            }
        }
        return any ? Episodes.FALSE : Episodes.UNKNOWN;
    }
}
