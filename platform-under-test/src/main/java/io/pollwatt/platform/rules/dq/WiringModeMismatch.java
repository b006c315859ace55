package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-17 day-level wiring-mode mismatch: a meter archived 3P4W whose one phase voltage stays ≈ 0 on every sample of a
 * day while another does not is wired three-wire (no neutral, one phase used as reference), so its per-phase values
 * and the state from them are wrong. "≈ 0" is below {@code alm.outageVoltageRatio} × U_n, the rulebook's "voltage
 * absent" bound (0.1·U_n both here and in ALM-11). Outage samples do not count; evaluated when the day closes.
 */
public final class WiringModeMismatch implements Rule {

    @Override
    public String id() {
        return "DQ-17";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double ratio = e.config().number("alm.outageVoltageRatio");
        boolean[] outage = e.outage();
        for (PointData p : e.data().points().values()) {
            if (p.threeWire()) {
                continue;
            }
            Series s = p.series();
            double limit = ratio * p.phaseVoltageV();
            for (Days.Day d : Days.closed(e.grid(), s.known())) {
                int samples = 0;
                boolean[] everLive = new boolean[3];
                double[] max = new double[3];
                for (int i = d.from(); i < d.to(); i++) {
                    if (!s.present(i) || outage[i]) {
                        continue;
                    }
                    boolean all = true;
                    for (String q : Dq.PHASE_VOLTAGES) {
                        all &= s.has(q, i);
                    }
                    if (!all) {
                        continue;
                    }
                    samples++;
                    for (int x = 0; x < 3; x++) {
                        double v = Math.abs(s.value(Dq.PHASE_VOLTAGES.get(x), i));
                        max[x] = Math.max(max[x], v);
                        everLive[x] |= v >= limit;
                    }
                }
                int dead = -1;
                boolean someLive = false;
                for (int x = 0; x < 3; x++) {
                    if (!everLive[x]) {
                        dead = dead < 0 ? x : dead;
                    } else {
                        someLive = true;
                    }
                }
                if (samples == 0 || dead < 0 || !someLive) {
                    continue; // all three dead is no voltage at all, not a wiring mode
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("day", e.grid().time(d.from()).toLocalDate().toString());
                ev.put("phase", Dq.PHASE_VOLTAGES.get(dead));
                ev.put("maxV", max[dead]);
                ev.put("limitV", limit);
                ev.put("samples", samples);
                ev.put("wiring", p.point().wiring());
                ev.put("config", e.config().subset("alm.outageVoltageRatio"));
                out.add(e.finding(
                        this,
                        Dq.key(p.id(), "wiringMode"),
                        "wiringMode",
                        List.of(p.id()),
                        List.of(),
                        new Episodes.Episode(d.from(), d.to() - 1, false),
                        d.to(),
                        ev));
            }
        }
    }
}
