package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.state.OperatingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the control-period rules (ALM-06…08) share: a period's production points (PROD and PROD_TREAT, D6), its
 * evaluated window [start + {@code alm.controlGraceMin}, end) on the grid, and its baseline hours.
 */
final class ControlPeriods {

    private ControlPeriods() {}

    /** The in-scope production points: those the period lists, or every production point when it lists none. */
    static List<PointData> scope(Evaluation e, SiteArchive.ControlPeriod c) {
        List<PointData> out = new ArrayList<>();
        for (PointData p : e.data().points().values()) {
            if (p.production() && (c.production().isEmpty() || c.production().contains(p.id()))) {
                out.add(p);
            }
        }
        return out;
    }

    /** The first grid index of the window (start + grace). */
    static int from(Evaluation e, SiteArchive.ControlPeriod c) {
        return e.grid().ceil(c.start().plus(e.config().minutes("alm.controlGraceMin")));
    }

    /** The first grid index at or after the period's end. */
    static int to(Evaluation e, SiteArchive.ControlPeriod c) {
        return e.grid().ceil(c.end());
    }

    /** Whether the period's end lies inside the grid (its last hour can close). */
    static boolean endsInGrid(Evaluation e, SiteArchive.ControlPeriod c) {
        return !c.end().isAfter(e.grid().to());
    }

    /**
     * The baseline hours of a period (ALM-07, D5), as far as the grid holds them: whole hours in the
     * {@code alm.baselineDays} days before the period's start, none of whose samples lies in a control period or an
     * outage, in which some in-scope production point is running at {@code agg.minSamplesPerHour} samples or more.
     * Hours on a public holiday of {@code alm.holidays} (the hour's start date) are excluded too.
     */
    static List<Integer> baselineHours(Evaluation e, SiteArchive.ControlPeriod c, List<PointData> scope) {
        Duration days = Duration.ofMinutes(Math.round(e.config().number("alm.baselineDays") * 24 * 60));
        int from = e.grid().ceil(c.start().minus(days));
        int until = e.grid().ceil(c.start());
        int n = Hours.perHour(e);
        int min = Hours.minSamples(e);
        java.util.Set<java.time.LocalDate> holidays = e.config().holidays();
        List<Integer> out = new ArrayList<>();
        for (int h : Hours.starts(e, from, until, until)) {
            boolean excluded =
                    Hours.outage(e, h) || holidays.contains(e.grid().time(h).toLocalDate());
            for (int i = h; i < h + n && !excluded; i++) {
                excluded = e.inControlPeriod(i);
            }
            if (excluded) {
                continue;
            }
            boolean running = false;
            for (PointData p : scope) {
                OperatingState[] st = e.state(p.id());
                int count = 0;
                for (int i = h; i < h + n; i++) {
                    if (st[i].running()) {
                        count++;
                    }
                }
                running |= count >= min;
            }
            if (running) {
                out.add(h);
            }
        }
        return out;
    }

    /** The mean of {@code f} over the baseline hours where it is known; NaN when it is known in none. */
    static Baseline baseline(Evaluation e, List<Integer> hours, List<PointData> points, Hours.HourValue f) {
        double sum = 0;
        int count = 0;
        for (int h : hours) {
            double v = Hours.sum(e, points, h, f);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return new Baseline(count == 0 ? Double.NaN : sum / count, count);
    }

    /** A baseline value (kW or kWh per hour) and over how many hours it was taken. */
    record Baseline(double value, int hours) {
        boolean known() {
            return hours > 0;
        }
    }

    /** The period as evidence. */
    static Map<String, Object> evidence(SiteArchive.ControlPeriod c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().name());
        m.put("start", c.start().toString());
        m.put("end", c.end().toString());
        c.limitRatio().ifPresent(r -> m.put("limitRatio", r));
        c.allowedLines().ifPresent(k -> m.put("allowedLines", k));
        m.put("production", c.production());
        return m;
    }
}
