package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * DQ-12 功率恒定/恒值: a running load's power always moves, so P at or above the point's P_off and identical (|ΔP| ≤
 * {@code dq.constantEps}) for {@code dq.constantSamples} samples is a frozen meter, a DTU resending its cached value
 * or fabricated data; an OFF point reading 0 is not. Grid voltage always moves too, so the same test on the voltage
 * triple applies in every state except an outage (ALM-11). Each closes at the first sample that differs; from the
 * raising sample until then the point's samples are NO_DATA (ST-07): a frozen value says nothing of the load.
 */
public final class ConstantValue implements Rule {

    @Override
    public String id() {
        return "DQ-12";
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
        int n = e.config().count("dq.constantSamples");
        double eps = e.config().number("dq.constantEps");
        boolean[] outage = e.outage();
        for (PointData p : e.data().points().values()) {
            Series s = p.series();
            double pOff = p.thresholds().pOff();
            List<String> power = List.of("P");
            report(e, out, p, "power", power, runs(s, power, eps, n, i -> s.value("P", i) >= pOff, i -> false));
            List<String> volts = Dq.voltages(p);
            report(e, out, p, "voltage", volts, runs(s, volts, eps, n, i -> true, i -> outage[i]));
        }
    }

    /**
     * Runs of samples whose quantities {@code qs} all equal those of the previous sample with data (one missing
     * sample bridged, §0), each sample qualifying; a sample that breaks ({@code breaks}) ends a run.
     */
    private static List<SampleRuns.Run> runs(
            Series s, List<String> qs, double eps, int n, IntPredicate qualifies, IntPredicate breaks) {
        List<SampleRuns.Run> out = new ArrayList<>();
        int known = Math.min(s.known(), s.grid().size());
        int start = -1;
        int last = -1;
        for (int i = 0; i < known; i++) {
            if (!hasData(s, qs, i)) {
                if (start >= 0 && i - last >= 2) {
                    add(out, s, qs, start, last, n, false);
                    start = -1;
                }
                continue;
            }
            if (breaks.test(i) || !qualifies.test(i)) {
                if (start >= 0) {
                    add(out, s, qs, start, last, n, false);
                }
                start = -1;
                continue;
            }
            if (start >= 0 && same(s, qs, last, i, eps)) {
                last = i;
                continue;
            }
            if (start >= 0) {
                add(out, s, qs, start, last, n, false);
            }
            start = i;
            last = i;
        }
        if (start >= 0) {
            add(out, s, qs, start, last, n, true); // reaches the end of what is known, or stops one sample short of it
        }
        return out;
    }

    private static boolean hasData(Series s, List<String> qs, int i) {
        if (!s.present(i)) {
            return false;
        }
        for (String q : qs) {
            if (!s.usable(q, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Series s, List<String> qs, int a, int b, double eps) {
        for (String q : qs) {
            if (Math.abs(s.value(q, b) - s.value(q, a)) > eps) {
                return false;
            }
        }
        return true;
    }

    private static void add(
            List<SampleRuns.Run> out, Series s, List<String> qs, int start, int last, int n, boolean open) {
        int at = start + n - 1;
        if (at > last) {
            return;
        }
        int raised = at;
        while (!hasData(s, qs, raised)) {
            raised++; // a bridged gap: the duration is reached at the next sample with data (§0)
        }
        out.add(new SampleRuns.Run(start, raised, last, open, open ? s.grid().size() : last + 1));
    }

    private void report(
            Evaluation e, Findings out, PointData p, String subtype, List<String> qs, List<SampleRuns.Run> runs) {
        for (SampleRuns.Run r : runs) {
            e.markNoData(p.id(), r.raised(), r.closedAt());
            Map<String, Object> ev = Dq.evidence(e, p, r.start(), qs, "dq.constantEps", "dq.constantSamples");
            if (subtype.equals("power")) {
                ev.put("pOffKw", p.thresholds().pOff());
            }
            out.add(e.finding(
                    this, Dq.key(p.id(), subtype), subtype, List.of(p.id()), List.of(), r.episode(), r.raised(), ev));
        }
    }
}
