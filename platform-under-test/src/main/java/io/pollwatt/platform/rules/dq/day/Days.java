package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.EnergyStep;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.aggregate.Stats;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the day-level rules share: day close, the energy they test, sums over the metering hierarchy, levels. */
final class Days {

    private Days() {}

    /**
     * Whether the period ending at {@code end} is closed for {@code p} (rulebook §0): a record at or after
     * {@code end} is in the data (REGISTER: the boundary reading at the next day), or the platform clock is past
     * {@code end} by {@code dq.offlineMin}, so DQ-06 has declared what is missing offline.
     */
    static boolean closed(Evaluation e, PointData p, LocalDateTime end) {
        if (p.aggregate().isPresent()) {
            List<EnergyStep> steps = p.aggregate().get().steps();
            if (!steps.isEmpty() && !steps.get(steps.size() - 1).to().isBefore(end)) {
                return true;
            }
        }
        int latest = p.series().latest();
        if (latest >= 0 && !e.grid().time(latest).isBefore(end)) {
            return true;
        }
        return !e.data().now().isBefore(end.plus(e.config().minutes("dq.offlineMin")));
    }

    /** Whether every one of {@code points} has closed the period ending at {@code end}. */
    static boolean closed(Evaluation e, List<PointData> points, LocalDateTime end) {
        return points.stream().allMatch(p -> closed(e, p, end));
    }

    /**
     * The day's energy the daily energy rules test (AGG-02): the raw register total with every step included, so
     * that one fault is reported by every rule it violates; where no register came, the published total if it is
     * complete; {@code null} when the day's energy is not complete (a boundary reading missing).
     */
    static BigDecimal energy(DayAggregate d) {
        if (d.energy().raw() != null) {
            return d.energy().raw();
        }
        return d.energy().complete() ? d.energy().published() : null;
    }

    /** A valid day (AGG-05) whose energy is complete and that is closed: what DQ-09, DQ-10, DQ-11, DQ-14 judge. */
    static boolean judgeable(Evaluation e, PointData p, DayAggregate d) {
        return d.valid() && energy(d) != null && closed(e, p, end(d.day()));
    }

    /** P_max,D: the day's largest realtime power, NaN when the day has none. */
    static double pMax(DayAggregate d) {
        Stats s = d.quantities().get("P");
        return s == null ? Double.NaN : s.max().doubleValue();
    }

    /** The day of {@code p}'s aggregate for {@code day}, {@code null} if none. */
    static DayAggregate day(PointData p, LocalDate day) {
        if (p.aggregate().isEmpty()) {
            return null;
        }
        for (DayAggregate d : p.aggregate().get().days()) {
            if (d.day().equals(day)) {
                return d;
            }
        }
        return null;
    }

    /** The days any point's aggregate covers, in order. */
    static List<LocalDate> aggregatedDays(Evaluation e) {
        java.util.TreeSet<LocalDate> out = new java.util.TreeSet<>();
        for (PointData p : e.data().points().values()) {
            p.aggregate().map(PointAggregate::days).orElse(List.of()).forEach(d -> out.add(d.day()));
        }
        return List.copyOf(out);
    }

    /** The whole days [00:00, 24:00) that lie inside the evaluation's grid, in order. */
    static List<LocalDate> gridDays(Evaluation e) {
        List<LocalDate> out = new ArrayList<>();
        LocalDateTime from = e.grid().from();
        LocalDate d = from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? from.toLocalDate()
                : from.toLocalDate().plusDays(1);
        while (!end(d).isAfter(e.grid().to())) {
            out.add(d);
            d = d.plusDays(1);
        }
        return out;
    }

    static LocalDateTime start(LocalDate d) {
        return d.atStartOfDay();
    }

    static LocalDateTime end(LocalDate d) {
        return d.plusDays(1).atStartOfDay();
    }

    /** The MAIN points. */
    static List<PointData> mains(Evaluation e) {
        return e.data().points().values().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .toList();
    }

    /**
     * The top-level sub-points (§1.2): PROD, TREAT, PROD_TREAT and INDIRECT whose parent is unset or a MAIN point,
     * so that a point metered behind another sub-point is not counted twice.
     */
    static List<PointData> topLevelSubs(Evaluation e) {
        return e.data().points().values().stream()
                .filter(p -> p.kind() != SiteArchive.PointKind.MAIN)
                .filter(p -> p.point().parent().isEmpty()
                        || (e.data().point(p.point().parent().get()) != null
                                && e.data().point(p.point().parent().get()).kind() == SiteArchive.PointKind.MAIN))
                .toList();
    }

    /** Σ of the points' E_D on {@code day}, or {@code null} unless every one has a judgeable day. */
    static BigDecimal sum(Evaluation e, List<PointData> points, LocalDate day, Map<String, Object> each) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PointData p : points) {
            DayAggregate d = day(p, day);
            if (d == null || !judgeable(e, p, d)) {
                return null;
            }
            sum = sum.add(energy(d));
            each.put(p.id(), energy(d));
        }
        return sum;
    }

    /**
     * The level of a verdict on [start, end) (rulebook §4): these rules give none of their own, so 3 once they fire,
     * 1 when the period touches a control period. The §4 duration steps are not applied: a day's verdict has no
     * observed duration (a register jump is one instant, yet its day is 24 h).
     */
    static int level(Evaluation e, LocalDateTime start, LocalDateTime end) {
        for (SiteArchive.ControlPeriod c : e.data().archive().controlPeriods()) {
            boolean before = end != null && !c.start().isBefore(end);
            if (!before && c.end().isAfter(start)) {
                return 1;
            }
        }
        return 3;
    }

    /** A finding on [start, end) ({@code end} null: still going), its level from {@link #level}. */
    static Finding finding(
            Rule rule,
            Evaluation e,
            String key,
            String subtype,
            List<String> points,
            List<String> related,
            LocalDateTime start,
            LocalDateTime raisedAt,
            LocalDateTime end,
            Map<String, Object> evidence) {
        return new Finding(
                rule.id(),
                rule.version(),
                e.enterpriseId(),
                key,
                subtype,
                points,
                related,
                start,
                raisedAt,
                end,
                level(e, start, end),
                evidence);
    }

    /** Evidence map with {@code config} filled. */
    static Map<String, Object> evidence(Evaluation e, String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", e.config().subset(keys));
        return m;
    }

    /** Hours of the real-time interval Δ. */
    static double intervalHours(Evaluation e) {
        return e.config().number("agg.realtimeIntervalMin") / 60.0;
    }

    /** A period of consecutive days (indices into a day list): first, the day it was raised at, last. */
    record Run(int first, int raised, int last, boolean open) {}

    /** Tests a window of day indices [from, to] (inclusive). */
    interface Window {
        boolean passes(int from, int to);
    }

    /**
     * Runs of consecutive qualifying days among the first {@code closed} days, raised at the first day at which the
     * run holds {@code n} days and the window of its last {@code n} days passes {@code test}; a run that reaches the
     * last closed day is open (it may go on).
     */
    static List<Run> runs(boolean[] ok, int closed, int n, Window test) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < closed) {
            if (!ok[i]) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            while (last + 1 < closed && ok[last + 1]) {
                last++;
            }
            for (int k = first + Math.max(1, n) - 1; k <= last; k++) {
                if (test.passes(k - Math.max(1, n) + 1, k)) {
                    out.add(new Run(first, k, last, last == closed - 1));
                    break;
                }
            }
            i = last + 1;
        }
        return out;
    }
}
