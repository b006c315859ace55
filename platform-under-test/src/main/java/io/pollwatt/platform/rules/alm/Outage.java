package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ALM-11 停电分析: the enterprise's outage episodes ({@link Evaluation#outage()}: every voltage of every MAIN point
 * below {@code alm.outageVoltageRatio} × nominal), raised at their first sample (≥ 1 sample); key = the enterprise,
 * subtype {@code outage}. A sample at which no MAIN point has a record is unknown (bridged once as in §0). The
 * association and control-period rules suppress their alarms on these samples. A DTU that is silent altogether is
 * DQ-06's ("possible outage"), not this rule's.
 */
public final class Outage implements Rule {

    @Override
    public String id() {
        return "ALM-11";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        List<PointData> mains = e.data().points().values().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .toList();
        if (mains.isEmpty()) {
            return;
        }
        boolean[] outage = e.outage();
        byte[] cond = new byte[outage.length];
        for (int i = 0; i < cond.length; i++) {
            int at = i;
            boolean anyRecord = mains.stream().anyMatch(p -> p.series().present(at));
            cond[i] = outage[i] ? Episodes.TRUE : anyRecord ? Episodes.FALSE : Episodes.UNKNOWN;
        }
        List<String> ids = mains.stream().map(PointData::id).toList();
        for (Episodes.Episode ep : Episodes.of(cond, e.known(ids))) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(ep.start()).toString());
            Map<String, Object> voltages = new LinkedHashMap<>();
            for (PointData p : mains) {
                Map<String, Object> v = new LinkedHashMap<>();
                for (String q : p.threeWire() ? List.of("UAB", "UBC", "UCA") : List.of("UA", "UB", "UC")) {
                    double u = p.series().value(q, ep.start());
                    v.put(q, Double.isNaN(u) ? null : u);
                }
                v.put(
                        "limitV",
                        e.config().number("alm.outageVoltageRatio")
                                * (p.threeWire() ? p.point().voltageV() : p.phaseVoltageV()));
                voltages.put(p.id(), v);
            }
            ev.put("main", voltages);
            ev.put("config", e.config().subset("alm.outageVoltageRatio"));
            out.add(e.finding(this, e.enterpriseId(), "outage", ids, List.of(), ep, ep.start(), ev));
        }
    }
}
