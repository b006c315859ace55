package io.pollwatt.platform.rules.dq;

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

/**
 * DQ-14 ratio step (suspected CT ratio error): between two consecutive samples P jumps by a factor f ≥
 * {@code dq.ratioStepMinFactor} (or ≤ its reciprocal) lying within {@code dq.ratioStepTol}·f of an integer (or of
 * its reciprocal), every current jumps by the same factor, the voltages and PF stay put (|ΔPF| ≤ {@code dq.pfTol};
 * voltages within {@code dq.ratioStepTol} of their value, the rule's only other tolerance) and the point neither
 * starts nor stops. A real load change moves PF and seldom lands on an integer; a CT ratio changed or entered in
 * the middle of a series scales P and I alone. "No state change" is read as on/off (ST-03): the HIGH a
 * ×4 ratio error causes is its consequence, not a load change. A ratio error also lasts: the mean power of the
 * {@code dq.ratioStepWindowSamples} samples from the step on must stand at f (within the tolerance) to the mean of
 * as many before it (pollwatt's addition: a machine cycling between idle and full load at one PF steps by a clean
 * factor too, and steps back). The day-level sub ÷ MAIN test of DQ-14 is not here.
 */
public final class RatioStep implements Rule {

    @Override
    public String id() {
        return "DQ-14";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double minFactor = e.config().number("dq.ratioStepMinFactor");
        double tol = e.config().number("dq.ratioStepTol");
        double pfTol = e.config().number("dq.pfTol");
        int window = Math.max(1, e.config().count("dq.ratioStepWindowSamples"));
        for (PointData p : e.data().points().values()) {
            Series s = p.series();
            OperatingState[] states = e.state(p.id());
            double noise = Dq.noiseA(e, p);
            int known = Math.min(s.known(), s.grid().size());
            for (int i = 1; i < known; i++) {
                int b = i - 1;
                if (!s.present(b) || !s.present(i) || !s.usable("P", b) || !s.usable("P", i)) {
                    continue;
                }
                if (states[b] == OperatingState.NO_DATA
                        || states[i] == OperatingState.NO_DATA
                        || states[b].on() != states[i].on()) {
                    continue;
                }
                double iB = e.meanCurrent(p, b);
                double iI = e.meanCurrent(p, i);
                if (Double.isNaN(iB) || Double.isNaN(iI) || iB <= noise || iI <= noise) {
                    continue; // below noise the ratio of currents is noise
                }
                double f = s.value("P", i) / s.value("P", b);
                if (!(f > 0)) {
                    continue;
                }
                double g = f >= 1 ? f : 1 / f;
                long k = Math.round(g);
                if (g < minFactor || Math.abs(g - k) > tol * g) {
                    continue;
                }
                if (!sameFactor(s, Dq.currents(p), b, i, f, tol)
                        || !unchanged(s, Dq.voltages(p), b, i, tol)
                        || !s.has("PF", b)
                        || !s.has("PF", i)
                        || Math.abs(s.value("PF", i) - s.value("PF", b)) > pfTol) {
                    continue;
                }
                double before = mean(s, i - window, i);
                double after = mean(s, i, Math.min(known, i + window));
                if (i + window > known
                        || Double.isNaN(before)
                        || Double.isNaN(after)
                        || Math.abs(after / before - f) > tol * f) {
                    continue; // the level did not last (or it is too early to tell)
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(i).toString());
                ev.put("meanBeforeKw", before);
                ev.put("meanAfterKw", after);
                ev.put("factor", f);
                ev.put("nearest", f >= 1 ? String.valueOf(k) : "1/" + k);
                ev.put("pBeforeKw", s.value("P", b));
                ev.put("pAfterKw", s.value("P", i));
                ev.put("pfBefore", s.value("PF", b));
                ev.put("pfAfter", s.value("PF", i));
                ev.put(
                        "config",
                        e.config()
                                .subset(
                                        "dq.ratioStepMinFactor",
                                        "dq.ratioStepTol",
                                        "dq.pfTol",
                                        "dq.ratioStepWindowSamples"));
                out.add(e.finding(
                        this,
                        Dq.key(p.id(), "ratioStep"),
                        "ratioStep",
                        List.of(p.id()),
                        List.of(),
                        new Episodes.Episode(i, i, false),
                        i + window - 1 < known ? i + window - 1 : i,
                        ev));
            }
        }
    }

    /** The mean usable P over [from, to), NaN when fewer than half of the samples are usable. */
    private static double mean(Series s, int from, int to) {
        if (from < 0) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int j = from; j < to; j++) {
            if (s.usable("P", j)) {
                sum += s.value("P", j);
                n++;
            }
        }
        return n * 2 < to - from || n == 0 || sum == 0 ? Double.NaN : sum / n;
    }

    private static boolean sameFactor(Series s, List<String> qs, int b, int i, double f, double tol) {
        for (String q : qs) {
            double before = Math.abs(s.value(q, b));
            double after = Math.abs(s.value(q, i));
            if (Double.isNaN(before) || Double.isNaN(after) || before == 0 || Math.abs(after / before - f) > tol * f) {
                return false;
            }
        }
        return true;
    }

    private static boolean unchanged(Series s, List<String> qs, int b, int i, double tol) {
        for (String q : qs) {
            double before = s.value(q, b);
            double after = s.value(q, i);
            if (Double.isNaN(before) || Double.isNaN(after) || Math.abs(after - before) > tol * Math.abs(before)) {
                return false;
            }
        }
        return true;
    }
}
