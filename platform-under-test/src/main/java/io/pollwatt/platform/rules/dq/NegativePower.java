package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.util.List;
import java.util.Map;

/**
 * DQ-08a/b 负功率: a consuming load cannot draw negative power, so P &lt; −eps with current above noise for
 * {@code dq.minConsecutiveSamples} samples means a reversed CT or swapped leads. 08a tests the total; 08b (3P4W
 * only) each phase against eps/3, which names the reversed phase even when the total stays positive (one phase
 * reversed leaves +1/3 of the true power). 3P3W has no 08b: one element legitimately reads negative at PF &lt; 0.5.
 * A finding closes after {@code dq.minConsecutiveSamples} samples without the condition; while it is open the
 * point's state is taken from |I| (ST-02), since current magnitude does not depend on CT polarity.
 */
public final class NegativePower implements Rule {

    private static final String[] KEYS = {
        "dq.negPowerEpsMinKw", "dq.negPowerEpsRatedRatio", "dq.currentNoiseRatio", "dq.minConsecutiveSamples"
    };

    @Override
    public String id() {
        return "DQ-08";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Stage stage() {
        return Stage.SAMPLE;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        int n = e.config().count("dq.minConsecutiveSamples");
        for (PointData p : e.data().points().values()) {
            double eps = Dq.negEpsKw(e, p);
            double noise = Dq.noiseA(e, p);
            report(e, out, p, "total", null, total(e, p, eps, noise), n, eps);
            if (!p.threeWire()) {
                for (int x = 0; x < 3; x++) {
                    String phase = Dq.PHASE_POWERS.get(x);
                    byte[] cond = phase(p, phase, Evaluation.CURRENTS.get(x), eps / 3, noise);
                    report(e, out, p, "phase", phase, cond, n, eps / 3);
                }
            }
        }
    }

    private static byte[] total(Evaluation e, PointData p, double eps, double noise) {
        Series s = p.series();
        byte[] cond = new byte[e.grid().size()];
        for (int i = 0; i < cond.length; i++) {
            double iAvg = e.meanCurrent(p, i);
            if (!Dq.judged(s, i) || !s.usable("P", i) || Double.isNaN(iAvg)) {
                cond[i] = Episodes.UNKNOWN;
            } else {
                cond[i] = s.value("P", i) < -eps && iAvg > noise ? Episodes.TRUE : Episodes.FALSE;
            }
        }
        return cond;
    }

    private static byte[] phase(PointData p, String power, String current, double eps, double noise) {
        Series s = p.series();
        byte[] cond = new byte[s.grid().size()];
        for (int i = 0; i < cond.length; i++) {
            if (!Dq.judged(s, i) || !s.has(power, i) || !s.has(current, i)) {
                cond[i] = Episodes.UNKNOWN;
            } else {
                boolean negative = s.value(power, i) < -eps && Math.abs(s.value(current, i)) > noise;
                cond[i] = negative ? Episodes.TRUE : Episodes.FALSE;
            }
        }
        return cond;
    }

    private void report(
            Evaluation e, Findings out, PointData p, String subtype, String phase, byte[] cond, int n, double eps) {
        for (SampleRuns.Run r : SampleRuns.of(cond, p.series().known(), n, n)) {
            e.markFallback(p.id(), r.raised(), r.closedAt());
            List<String> qs = phase == null ? List.of("P", "IA", "IB", "IC") : List.of(phase, "I" + phase.charAt(1));
            Map<String, Object> ev = Dq.evidence(e, p, r.start(), qs, KEYS);
            ev.put("epsKw", eps);
            ev.put("noiseA", Dq.noiseA(e, p));
            if (phase != null) {
                ev.put("phase", phase);
            }
            out.add(e.finding(
                    this,
                    Dq.key(p.id(), phase == null ? subtype : phase),
                    subtype,
                    List.of(p.id()),
                    List.of(),
                    r.episode(),
                    r.raised(),
                    ev));
        }
    }
}
