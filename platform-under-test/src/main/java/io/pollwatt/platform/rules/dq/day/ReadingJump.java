package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.EnergyStep;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Grid;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.OperatingState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * DQ-13 跳变: a register step no meter can make. Either physically impossible, ΔE >
 * {@code dq.physicalCapFactor} × S_rated × the step's hours (the aggregation marks these JUMP with the same cap;
 * the rule also applies the configured cap itself where the aggregation had none), or out of all proportion to
 * the point's own running: ΔE > {@code dq.jumpMedianFactor} × the median step of its RUN (or HIGH) samples over
 * the preceding {@code dq.jumpMedianDays} days, and > {@code dq.jumpPmaxFactor} × Δ × P_max of those days (so a
 * point that just started from standby is not a jump). The preceding days are those the evaluation holds; a step
 * across missing readings is held against the thresholds for that many intervals. Negative steps are DQ-07's.
 */
public final class ReadingJump implements Rule {

    @Override
    public String id() {
        return "DQ-13";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public int lookbackDays(io.pollwatt.platform.rules.RuleConfig.Values config) {
        return config.count("dq.jumpMedianDays");
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double capFactor = e.config().number("dq.physicalCapFactor");
        double medianFactor = e.config().number("dq.jumpMedianFactor");
        double pMaxFactor = e.config().number("dq.jumpPmaxFactor");
        Duration window = Duration.ofDays(e.config().count("dq.jumpMedianDays"));
        double dtHours = Days.intervalHours(e);
        Grid grid = e.grid();
        for (PointData p : e.data().points().values()) {
            if (p.aggregate().isEmpty()) {
                continue;
            }
            List<EnergyStep> steps = p.aggregate().get().steps();
            OperatingState[] state = e.state(p.id());
            Series series = p.series();
            int lo = 0;
            for (int k = 0; k < steps.size(); k++) {
                EnergyStep s = steps.get(k);
                if (s.kind() == EnergyStep.Kind.NEGATIVE) {
                    continue;
                }
                double hours = Duration.between(s.from(), s.to()).toSeconds() / 3600.0;
                double intervals = hours / dtHours;
                double delta = s.delta().doubleValue();
                double cap = capFactor * p.ratedKva() * hours;
                boolean physical = s.kind() == EnergyStep.Kind.JUMP || delta > cap;

                LocalDateTime windowStart = s.from().minus(window);
                while (lo < k && steps.get(lo).from().isBefore(windowStart)) {
                    lo++;
                }
                double median = median(running(steps, lo, k, state, grid, e));
                double pMax = pMax(series, grid, grid.ceil(windowStart), grid.ceil(s.from()));
                boolean outOfProportion = !Double.isNaN(median)
                        && !Double.isNaN(pMax)
                        && delta > medianFactor * median * intervals
                        && delta > pMaxFactor * dtHours * pMax * intervals;
                if (!physical && !outOfProportion) {
                    continue;
                }
                Map<String, Object> ev = Days.evidence(
                        e, "dq.physicalCapFactor", "dq.jumpMedianFactor", "dq.jumpMedianDays", "dq.jumpPmaxFactor");
                ev.put("deltaKwh", s.delta());
                ev.put("physicalCapKwh", cap);
                ev.put("medianRunKwh", Double.isNaN(median) ? null : median);
                ev.put("pMaxKw", Double.isNaN(pMax) ? null : pMax);
                ev.put("ratedKva", p.ratedKva());
                out.add(Days.finding(
                        this,
                        e,
                        p.id(),
                        physical ? "physicalCap" : "median",
                        List.of(p.id()),
                        List.of(),
                        s.from(),
                        s.to(),
                        s.to(),
                        ev));
            }
        }
    }

    /** The single-interval steps of [lo, k) counted in totals whose interval's sample was running. */
    private static double[] running(
            List<EnergyStep> steps, int lo, int k, OperatingState[] state, Grid grid, Evaluation e) {
        List<Double> out = new ArrayList<>();
        for (int j = lo; j < k; j++) {
            EnergyStep s = steps.get(j);
            if (!s.kind().published() || !s.to().equals(s.from().plus(e.interval()))) {
                continue;
            }
            int i = grid.index(s.from());
            if (i >= 0 && state[i].running()) {
                out.add(s.delta().doubleValue());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The largest usable P of samples [from, to), NaN without any. */
    private static double pMax(Series s, Grid grid, int from, int to) {
        double max = Double.NaN;
        for (int i = from; i < Math.min(to, grid.size()); i++) {
            if (s.usable("P", i)) {
                double v = s.value("P", i);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return max;
    }
}
