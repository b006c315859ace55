package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-14 suspected CT/PT ratio error, sub ÷ MAIN variant: the top-level sub-points carry less than
 * {@code dq.subMainRatioMin} of the MAIN energy on at least {@code dq.subMainRatioDays} consecutive days that are
 * valid for every involved point and on which some sub-point ran — a MAIN ratio entered too large makes MAIN dwarf
 * everything it feeds. A day that is not valid, or on which no sub-point ran (nothing to compare), breaks the run.
 * The finding stays open while the run reaches the last closed day.
 *
 * <p>Capacity variant (subtype {@code aboveCapacity}, key {@code <MAIN>/aboveCapacity}): when the archive holds the
 * enterprise's transformer or contracted capacity ({@code capacityKva}), a MAIN point's P_max,D above
 * {@code dq.physicalCapFactor} × that capacity on a valid, closed day; consecutive such days make one finding, open
 * while the run reaches the last closed day. The ratio-step variant is a per-sample rule of its own.
 */
public final class SubMainRatio implements Rule {

    @Override
    public String id() {
        return "DQ-14";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public int lookbackDays(io.pollwatt.platform.rules.RuleConfig.Values config) {
        return config.count("dq.subMainRatioDays");
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        aboveCapacity(e, out);
        List<PointData> mains = Days.mains(e);
        List<PointData> subs = Days.topLevelSubs(e);
        if (mains.isEmpty() || subs.isEmpty()) {
            return;
        }
        double min = e.config().number("dq.subMainRatioMin");
        int n = Math.max(1, e.config().count("dq.subMainRatioDays"));
        List<LocalDate> days = Days.aggregatedDays(e);
        List<PointData> all = new ArrayList<>(mains);
        all.addAll(subs);
        int closed = 0;
        while (closed < days.size() && Days.closed(e, all, Days.end(days.get(closed)))) {
            closed++;
        }
        boolean[] low = new boolean[days.size()];
        double[] ratio = new double[days.size()];
        for (int k = 0; k < closed; k++) {
            LocalDate day = days.get(k);
            BigDecimal main = Days.sum(e, mains, day, new LinkedHashMap<>());
            BigDecimal sub = Days.sum(e, subs, day, new LinkedHashMap<>());
            if (main == null || sub == null || main.signum() <= 0 || !someSubRan(e, subs, day)) {
                continue;
            }
            ratio[k] = sub.doubleValue() / main.doubleValue();
            low[k] = ratio[k] < min;
        }
        for (Days.Run r : Days.runs(low, closed, n, (a, b) -> true)) {
            Map<String, Object> ev = Days.evidence(e, "dq.subMainRatioMin", "dq.subMainRatioDays");
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (int k = r.first(); k <= r.raised(); k++) {
                ratios.put(days.get(k).toString(), ratio[k]);
            }
            ev.put("ratios", ratios);
            out.add(Days.finding(
                    this,
                    e,
                    e.enterpriseId() + "/subMainRatio",
                    "subMainRatio",
                    SubOverMain.ids(mains),
                    SubOverMain.ids(subs),
                    Days.start(days.get(r.first())),
                    Days.end(days.get(r.raised())),
                    r.open() ? null : Days.end(days.get(r.last())),
                    ev));
        }
    }

    /** The capacity test: P_max,D of a MAIN point above {@code dq.physicalCapFactor} × the archived capacity. */
    private void aboveCapacity(Evaluation e, Findings out) {
        if (e.data().archive().capacityKva().isEmpty()) {
            return;
        }
        double capacity = e.data().archive().capacityKva().getAsDouble();
        double limit = e.config().number("dq.physicalCapFactor") * capacity;
        List<LocalDate> days = Days.aggregatedDays(e);
        for (PointData main : Days.mains(e)) {
            int closed = 0;
            while (closed < days.size() && Days.closed(e, main, Days.end(days.get(closed)))) {
                closed++;
            }
            boolean[] above = new boolean[days.size()];
            double[] pMax = new double[days.size()];
            for (int k = 0; k < closed; k++) {
                DayAggregate d = Days.day(main, days.get(k));
                pMax[k] = d == null || !d.valid() ? Double.NaN : Days.pMax(d);
                above[k] = pMax[k] > limit;
            }
            for (Days.Run r : Days.runs(above, closed, 1, (a, b) -> true)) {
                Map<String, Object> ev = Days.evidence(e, "dq.physicalCapFactor");
                ev.put("capacityKva", capacity);
                ev.put("limitKw", limit);
                Map<String, Object> maxima = new LinkedHashMap<>();
                for (int k = r.first(); k <= r.last(); k++) {
                    maxima.put(days.get(k).toString(), pMax[k]);
                }
                ev.put("pMaxKw", maxima);
                out.add(Days.finding(
                        this,
                        e,
                        main.id() + "/aboveCapacity",
                        "aboveCapacity",
                        List.of(main.id()),
                        List.of(),
                        Days.start(days.get(r.first())),
                        Days.end(days.get(r.raised())),
                        r.open() ? null : Days.end(days.get(r.last())),
                        ev));
            }
        }
    }

    /** Whether some sub-point was RUN (or HIGH) at some sample of the day, by the shared states. */
    private static boolean someSubRan(Evaluation e, List<PointData> subs, LocalDate day) {
        int from = e.grid().ceil(Days.start(day));
        int to = e.grid().ceil(Days.end(day));
        for (PointData p : subs) {
            OperatingState[] s = e.state(p.id());
            for (int i = from; i < to; i++) {
                if (s[i].running()) {
                    return true;
                }
            }
        }
        return false;
    }
}
