package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.OperatingState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DQ-16 安装回路错误 / 阈值不符: heuristics that flag a point for a site check, each over whole closed days of the
 * evaluated range and only when the range holds the days it needs:
 *
 * <ul>
 *   <li>(a) {@code sameTimingAsProduction}: a TREAT point switching on and off exactly with a production point on
 *       {@code dq.wrongCircuitDays} consecutive days (at least one switching among them, so two loads that merely
 *       run all the time do not match), with a power ratio to it whose coefficient of variation is below
 *       {@code dq.wrongCircuitCv}: the treatment meter sits on the production circuit. The timing is the one the
 *       meters' readings give ({@link Evaluation#measuredState}), before DQ-12 and DQ-17 make samples NO_DATA: a
 *       treatment meter on a production circuit larger than its archived CT reads above its rating (DQ-17
 *       {@code aboveRated}) exactly while it is on, which would otherwise leave no running sample to compare;
 *   <li>(b) {@code neverOff}: a TREAT point never OFF for {@code dq.neverOffDays} days although, on some whole day
 *       of them, none of the production points that need it ran (weekend, holiday): lighting or office circuit;
 *   <li>(c) {@code alwaysBelowFloor}: a point whose every sample stays below P_floor for {@code dq.neverOffDays}
 *       days;
 *   <li>(d) {@code pOnAboveLoad}: an enterprise-entered P_on the point never reaches in {@code dq.neverOffDays}
 *       days while at least half of its samples with data are at or above P_floor (so it does run), and
 *       {@code pOnAboveReference}: an entered P_on above the point's P_ref (ST-04).
 * </ul>
 */
public final class WrongCircuit implements Rule {

    /** (d)'s "at least half of the samples with data": the rulebook gives this share no key of its own. */
    private static final double RUNNING_SHARE = 0.5;

    @Override
    public String id() {
        return "DQ-16";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public int lookbackDays(io.pollwatt.platform.rules.RuleConfig.Values config) {
        return Math.max(config.count("dq.wrongCircuitDays"), config.count("dq.neverOffDays"));
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        List<LocalDate> days = Days.gridDays(e);
        List<PointData> points = List.copyOf(e.data().points().values());
        sameTiming(e, days, points, out);
        neverOff(e, days, points, out);
        belowFloor(e, days, points, out);
        pOnAboveLoad(e, days, points, out);
    }

    private int closedDays(Evaluation e, List<LocalDate> days, List<PointData> points) {
        int closed = 0;
        while (closed < days.size() && Days.closed(e, points, Days.end(days.get(closed)))) {
            closed++;
        }
        return closed;
    }

    private int from(Evaluation e, LocalDate d) {
        return e.grid().ceil(Days.start(d));
    }

    private int to(Evaluation e, LocalDate d) {
        return e.grid().ceil(Days.end(d));
    }

    /** (a). */
    private void sameTiming(Evaluation e, List<LocalDate> days, List<PointData> points, Findings out) {
        int n = Math.max(1, e.config().count("dq.wrongCircuitDays"));
        double maxCv = e.config().number("dq.wrongCircuitCv");
        if (days.size() < n) {
            return;
        }
        for (PointData t : points) {
            if (t.kind() != SiteArchive.PointKind.TREAT) {
                continue;
            }
            for (PointData p : points) {
                if (!p.production()) {
                    continue;
                }
                // the meters' own readings, not the ST-07 states: a treatment meter on the production circuit reads
                // above its archived rating while on, and DQ-17 makes exactly those samples NO_DATA (§10 row 22)
                OperatingState[] ts = e.measuredState(t.id());
                OperatingState[] ps = e.measuredState(p.id());
                int closed = closedDays(e, days, List.of(t, p));
                boolean[] ok = new boolean[days.size()];
                for (int k = 0; k < closed; k++) {
                    int bothOn = 0;
                    boolean same = true;
                    for (int i = from(e, days.get(k)); i < to(e, days.get(k)) && same; i++) {
                        if (ts[i] == OperatingState.NO_DATA || ps[i] == OperatingState.NO_DATA) {
                            continue;
                        }
                        same = ts[i].on() == ps[i].on();
                        bothOn += ts[i].on() ? 1 : 0;
                    }
                    ok[k] = same && bothOn > 0;
                }
                double[] cv = new double[1];
                for (Days.Run r : Days.runs(ok, closed, n, (a, b) -> {
                    int from = from(e, days.get(a));
                    int to = to(e, days.get(b));
                    cv[0] = cv(t.series(), p.series(), ts, from, to);
                    return switches(ps, from, to) && cv[0] < maxCv;
                })) {
                    Map<String, Object> ev = Days.evidence(e, "dq.wrongCircuitDays", "dq.wrongCircuitCv");
                    ev.put("variant", "a");
                    ev.put("production", p.id());
                    ev.put("ratioCv", cv[0]);
                    out.add(finding(e, t.id(), "sameTimingAsProduction", List.of(p.id()), days, r, ev));
                }
            }
        }
    }

    /** Whether the on/off state changes somewhere in [from, to) (across missing samples). */
    private static boolean switches(OperatingState[] s, int from, int to) {
        Boolean last = null;
        for (int i = from; i < to; i++) {
            if (s[i] == OperatingState.NO_DATA) {
                continue;
            }
            if (last != null && last != s[i].on()) {
                return true;
            }
            last = s[i].on();
        }
        return false;
    }

    /** Coefficient of variation of P_t ÷ P_p over the samples both are on; infinite without any. */
    private static double cv(Series t, Series p, OperatingState[] ts, int from, int to) {
        double sum = 0;
        double sq = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!ts[i].on() || !t.usable("P", i) || !p.usable("P", i) || p.value("P", i) <= 0) {
                continue;
            }
            double r = t.value("P", i) / p.value("P", i);
            sum += r;
            sq += r * r;
            count++;
        }
        if (count == 0 || sum <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = sum / count;
        double var = Math.max(0, sq / count - mean * mean);
        return Math.sqrt(var) / mean;
    }

    /** (b). */
    private void neverOff(Evaluation e, List<LocalDate> days, List<PointData> points, Findings out) {
        int n = Math.max(1, e.config().count("dq.neverOffDays"));
        if (days.size() < n) {
            return;
        }
        for (PointData t : points) {
            if (t.kind() != SiteArchive.PointKind.TREAT) {
                continue;
            }
            Set<String> production = new LinkedHashSet<>();
            e.groups().forEach((g, group) -> {
                if (group.members().contains(t.id())) {
                    production.addAll(e.neededBy(g));
                }
            });
            if (production.isEmpty()) {
                continue;
            }
            List<PointData> involved = new ArrayList<>(List.of(t));
            production.forEach(id -> involved.add(e.data().point(id)));
            int closed = closedDays(e, days, involved);
            OperatingState[] ts = e.state(t.id());
            boolean[] ok = new boolean[days.size()];
            boolean[] idle = new boolean[days.size()];
            for (int k = 0; k < closed; k++) {
                int from = from(e, days.get(k));
                int to = to(e, days.get(k));
                int data = 0;
                boolean off = false;
                for (int i = from; i < to; i++) {
                    if (ts[i] != OperatingState.NO_DATA) {
                        data++;
                        off |= ts[i] == OperatingState.OFF;
                    }
                }
                ok[k] = data > 0 && !off;
                idle[k] = production.stream().allMatch(id -> idleDay(e.state(id), from, to));
            }
            for (Days.Run r : Days.runs(ok, closed, n, (a, b) -> {
                for (int k = a; k <= b; k++) {
                    if (idle[k]) {
                        return true;
                    }
                }
                return false;
            })) {
                Map<String, Object> ev = Days.evidence(e, "dq.neverOffDays");
                ev.put("variant", "b");
                ev.put("production", List.copyOf(production));
                out.add(finding(e, t.id(), "neverOff", List.copyOf(production), days, r, ev));
            }
        }
    }

    /** A whole day with data on which the point never ran. */
    private static boolean idleDay(OperatingState[] s, int from, int to) {
        boolean data = false;
        for (int i = from; i < to; i++) {
            if (s[i].running()) {
                return false;
            }
            data |= s[i] != OperatingState.NO_DATA;
        }
        return data;
    }

    /** (c). */
    private void belowFloor(Evaluation e, List<LocalDate> days, List<PointData> points, Findings out) {
        int n = Math.max(1, e.config().count("dq.neverOffDays"));
        double floor = e.config().number("state.pFloorKw");
        if (days.size() < n) {
            return;
        }
        for (PointData p : points) {
            int closed = closedDays(e, days, List.of(p));
            boolean[] ok = new boolean[days.size()];
            for (int k = 0; k < closed; k++) {
                int[] c = count(p.series(), from(e, days.get(k)), to(e, days.get(k)), floor, Double.NaN);
                ok[k] = c[0] > 0 && c[1] == 0;
            }
            for (Days.Run r : Days.runs(ok, closed, n, (a, b) -> true)) {
                Map<String, Object> ev = Days.evidence(e, "dq.neverOffDays", "state.pFloorKw");
                ev.put("variant", "c");
                out.add(finding(e, p.id(), "alwaysBelowFloor", List.of(), days, r, ev));
            }
        }
    }

    /** (d). */
    private void pOnAboveLoad(Evaluation e, List<LocalDate> days, List<PointData> points, Findings out) {
        int n = Math.max(1, e.config().count("dq.neverOffDays"));
        double floor = e.config().number("state.pFloorKw");
        for (PointData p : points) {
            if (p.thresholds().derived()) {
                continue; // only an enterprise-entered P_on can be entered wrongly
            }
            double pOn = p.thresholds().pOn();
            int closed = closedDays(e, days, List.of(p));
            if (p.thresholds().pRef().isPresent() && pOn > p.thresholds().pRef().getAsDouble() && closed > 0) {
                Map<String, Object> ev = Days.evidence(e);
                ev.put("variant", "d");
                ev.put("pOnKw", pOn);
                ev.put("pRefKw", p.thresholds().pRef().getAsDouble());
                out.add(finding(e, p.id(), "pOnAboveReference", List.of(), days, new Days.Run(0, 0, 0, true), ev));
            }
            if (days.size() < n) {
                continue;
            }
            boolean[] ok = new boolean[days.size()];
            for (int k = 0; k < closed; k++) {
                int[] c = count(p.series(), from(e, days.get(k)), to(e, days.get(k)), floor, pOn);
                ok[k] = c[0] > 0 && c[2] == 0;
            }
            double[] share = new double[1];
            for (Days.Run r : Days.runs(ok, closed, n, (a, b) -> {
                int[] c = count(p.series(), from(e, days.get(a)), to(e, days.get(b)), floor, pOn);
                share[0] = (double) c[1] / c[0];
                return share[0] >= RUNNING_SHARE;
            })) {
                Map<String, Object> ev = Days.evidence(e, "dq.neverOffDays", "state.pFloorKw");
                ev.put("variant", "d");
                ev.put("pOnKw", pOn);
                ev.put("shareAtOrAboveFloor", share[0]);
                ev.put("maxKw", max(p.series(), from(e, days.get(r.first())), to(e, days.get(r.raised()))));
                out.add(finding(e, p.id(), "pOnAboveLoad", List.of(), days, r, ev));
            }
        }
    }

    /** Samples with a usable P in [from, to): {count, at or above floor, at or above pOn}. */
    private static int[] count(Series s, int from, int to, double floor, double pOn) {
        int[] c = new int[3];
        for (int i = from; i < to; i++) {
            if (!s.usable("P", i)) {
                continue;
            }
            double v = s.value("P", i);
            c[0]++;
            c[1] += v >= floor ? 1 : 0;
            c[2] += !Double.isNaN(pOn) && v >= pOn ? 1 : 0;
        }
        return c;
    }

    private static double max(Series s, int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) {
            if (s.usable("P", i)) {
                m = Double.isNaN(m) ? s.value("P", i) : Math.max(m, s.value("P", i));
            }
        }
        return m;
    }

    private io.pollwatt.platform.rules.Finding finding(
            Evaluation e,
            String key,
            String subtype,
            List<String> related,
            List<LocalDate> days,
            Days.Run r,
            Map<String, Object> ev) {
        return Days.finding(
                this,
                e,
                key,
                subtype,
                List.of(key),
                related,
                Days.start(days.get(r.first())),
                Days.end(days.get(r.raised())),
                r.open() ? null : Days.end(days.get(r.last())),
                ev);
    }
}
