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
 * The median and P_max of the preceding days are kept as the window slides (a sorted array of the window's
 * counted steps, a monotonic deque of sample indices): rebuilding them per step made the rule quadratic in the
 * steps of the evaluated range, 79 % of the catalogue's time (docs/benchmarks.md, rules).
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
        Duration interval = e.interval();
        Grid grid = e.grid();
        for (PointData p : e.data().points().values()) {
            if (p.aggregate().isEmpty()) {
                continue;
            }
            List<EnergyStep> steps = p.aggregate().get().steps();
            int n = steps.size();
            OperatingState[] state = e.state(p.id());
            Series series = p.series();
            double[] counted = new double[n]; // the step's ΔE if it is a running single-interval step, else NaN
            for (int j = 0; j < n; j++) {
                EnergyStep s = steps.get(j);
                counted[j] = Double.NaN;
                if (s.kind().published() && s.to().equals(s.from().plus(interval))) {
                    int i = grid.index(s.from());
                    if (i >= 0 && state[i].running()) {
                        counted[j] = s.delta().doubleValue();
                    }
                }
            }
            double[] sorted = new double[n];
            int size = 0;
            int added = 0;
            int lo = 0;
            int[] deque = new int[grid.size()];
            int head = 0;
            int tail = 0;
            int scanned = 0; // samples [0, scanned) offered to the deque
            Run run = null;
            for (int k = 0; k < n; k++) {
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
                for (; added < k; added++) {
                    if (!Double.isNaN(counted[added])) {
                        size = insert(sorted, size, counted[added]);
                    }
                }
                while (lo < k && steps.get(lo).from().isBefore(windowStart)) {
                    if (!Double.isNaN(counted[lo])) {
                        size = remove(sorted, size, counted[lo]);
                    }
                    lo++;
                }
                double median = size == 0
                        ? Double.NaN
                        : size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;

                int from = grid.ceil(windowStart);
                int to = Math.min(grid.ceil(s.from()), grid.size());
                for (; scanned < to; scanned++) {
                    if (series.usable("P", scanned)) {
                        double v = series.value("P", scanned);
                        while (tail > head && series.value("P", deque[tail - 1]) <= v) {
                            tail--;
                        }
                        deque[tail++] = scanned;
                    }
                }
                while (tail > head && deque[head] < from) {
                    head++;
                }
                double pMax = tail > head ? series.value("P", deque[head]) : Double.NaN;

                boolean outOfProportion = !Double.isNaN(median)
                        && !Double.isNaN(pMax)
                        && delta > medianFactor * median * intervals
                        && delta > pMaxFactor * dtHours * pMax * intervals;
                if (!physical && !outOfProportion) {
                    continue;
                }
                String subtype = physical ? "physicalCap" : "median";
                if (run != null && run.subtype.equals(subtype) && run.end.equals(s.from())) {
                    run.extend(s); // a sustained excess (a wrong ratio) is one episode, not one alarm per interval
                    continue;
                }
                flush(run, e, p, out);
                Map<String, Object> ev = Days.evidence(
                        e, "dq.physicalCapFactor", "dq.jumpMedianFactor", "dq.jumpMedianDays", "dq.jumpPmaxFactor");
                ev.put("deltaKwh", s.delta());
                ev.put("physicalCapKwh", cap);
                ev.put("medianRunKwh", Double.isNaN(median) ? null : median);
                ev.put("pMaxKw", Double.isNaN(pMax) ? null : pMax);
                ev.put("ratedKva", p.ratedKva());
                run = new Run(subtype, s, ev);
            }
            flush(run, e, p, out);
            run = null;
        }
    }

    /** Consecutive steps of one subtype: the evidence is the first step's, with how many steps and their sum. */
    private static final class Run {
        final String subtype;
        final LocalDateTime start;
        final LocalDateTime raisedAt;
        LocalDateTime end;
        final Map<String, Object> evidence;
        int steps = 1;
        java.math.BigDecimal totalKwh;

        Run(String subtype, EnergyStep first, Map<String, Object> evidence) {
            this.subtype = subtype;
            this.start = first.from();
            this.raisedAt = first.to();
            this.end = first.to();
            this.evidence = evidence;
            this.totalKwh = first.delta();
        }

        void extend(EnergyStep s) {
            end = s.to();
            steps++;
            totalKwh = totalKwh.add(s.delta());
        }
    }

    private void flush(Run run, Evaluation e, PointData p, Findings out) {
        if (run == null) {
            return;
        }
        run.evidence.put("steps", run.steps);
        run.evidence.put("totalKwh", run.totalKwh);
        out.add(Days.finding(
                this,
                e,
                p.id(),
                run.subtype,
                List.of(p.id()),
                List.of(),
                run.start,
                run.raisedAt,
                run.end,
                run.evidence));
    }

    private static int insert(double[] a, int size, double v) {
        int at = Arrays.binarySearch(a, 0, size, v);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(a, at, a, at + 1, size - at);
        a[at] = v;
        return size + 1;
    }

    private static int remove(double[] a, int size, double v) {
        int at = Arrays.binarySearch(a, 0, size, v);
        System.arraycopy(a, at + 1, a, at, size - at - 1);
        return size - 1;
    }
}
