package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.EnergyStep;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DQ-07 负电量: the register fell by more than its resolution and it was not a rollover (EM-07: a meter replaced or
 * reset, a reversed CT on a combined-energy meter), an interval total is negative, or an hour's or a day's raw
 * energy is below zero by more than the register's resolution (one digit of rounding jitter is not a fault, as for
 * a step). The aggregation already judged each step (rollover or not) and each interval total: this
 * rule raises what it found. Consecutive negative steps (or interval totals) are one finding, and an hour (day) that
 * a reported step, run or hour overlaps is not reported again, so one reset is one finding and a register counting
 * down for a day is one episode.
 */
public final class NegativeEnergy implements Rule {

    @Override
    public String id() {
        return "DQ-07";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        BigDecimal eps = BigDecimal.valueOf(e.config().number("dq.registerResolutionKwh"));
        for (PointData p : e.data().points().values()) {
            if (p.aggregate().isEmpty()) {
                continue;
            }
            PointAggregate a = p.aggregate().get();
            List<LocalDateTime[]> reported = new ArrayList<>();
            // consecutive negative steps are one episode (a register counting down, as a combined-energy meter does
            // behind reversed CTs), not one alarm per interval
            List<EnergyStep> run = new ArrayList<>();
            for (EnergyStep s : a.steps()) {
                if (s.kind() != EnergyStep.Kind.NEGATIVE) {
                    continue;
                }
                if (!run.isEmpty() && !run.get(run.size() - 1).to().equals(s.from())) {
                    reported.add(registerSteps(e, p, run, out));
                    run.clear();
                }
                run.add(s);
            }
            if (!run.isEmpty()) {
                reported.add(registerSteps(e, p, run, out));
            }
            List<LocalDateTime[]> registerRuns = List.copyOf(reported);
            LocalDateTime totalsFrom = null;
            LocalDateTime totalsTo = null;
            List<String> details = new ArrayList<>();
            for (io.pollwatt.platform.aggregate.Finding f : a.findings()) {
                if (!f.rule().equals(id()) || !f.detail().startsWith("interval total")) {
                    continue;
                }
                if (totalsTo != null && !totalsTo.equals(f.time())) {
                    reported.add(intervalTotals(e, p, totalsFrom, totalsTo, details, registerRuns, out));
                    totalsFrom = null;
                    details.clear();
                }
                totalsFrom = totalsFrom == null ? f.time() : totalsFrom;
                totalsTo = f.time().plus(e.interval());
                details.add(f.detail());
            }
            if (totalsFrom != null) {
                reported.add(intervalTotals(e, p, totalsFrom, totalsTo, details, registerRuns, out));
            }
            for (HourAggregate h : a.hours()) {
                LocalDateTime end = h.hour().plusHours(1);
                if (negative(h.energy().raw(), eps) && !covered(reported, h.hour(), end) && Days.closed(e, p, end)) {
                    Map<String, Object> ev = Days.evidence(e, "dq.registerResolutionKwh");
                    ev.put("hourKwh", h.energy().raw());
                    out.add(Days.finding(
                            this, e, p.id(), "hourNegative", List.of(p.id()), List.of(), h.hour(), end, end, ev));
                    reported.add(new LocalDateTime[] {h.hour(), end});
                }
            }
            for (DayAggregate d : a.days()) {
                LocalDateTime start = Days.start(d.day());
                LocalDateTime end = Days.end(d.day());
                if (negative(d.energy().raw(), eps) && !covered(reported, start, end) && Days.closed(e, p, end)) {
                    Map<String, Object> ev = Days.evidence(e, "dq.registerResolutionKwh");
                    ev.put("dayKwh", d.energy().raw());
                    out.add(Days.finding(
                            this, e, p.id(), "dayNegative", List.of(p.id()), List.of(), start, end, end, ev));
                }
            }
        }
    }

    /** One finding for a run of consecutive negative steps; returns the period it covers. */
    private LocalDateTime[] registerSteps(Evaluation e, PointData p, List<EnergyStep> run, Findings out) {
        EnergyStep first = run.get(0);
        EnergyStep last = run.get(run.size() - 1);
        BigDecimal delta = BigDecimal.ZERO;
        for (EnergyStep s : run) {
            delta = delta.add(s.delta());
        }
        Map<String, Object> ev = Days.evidence(e, "dq.registerResolutionKwh");
        ev.put("from", first.from().toString());
        ev.put("to", last.to().toString());
        ev.put("deltaKwh", delta);
        ev.put("steps", run.size());
        // raised when the first step fell: later steps of the run only extend the episode
        out.add(Days.finding(
                this, e, p.id(), "registerStep", List.of(p.id()), List.of(), first.from(), first.to(), last.to(), ev));
        return new LocalDateTime[] {first.from(), last.to()};
    }

    /**
     * One finding for consecutive negative interval totals, unless a register run already reported overlaps them
     * (the same negative energy, seen twice: one alarm per point and episode); returns the period they cover.
     */
    private LocalDateTime[] intervalTotals(
            Evaluation e,
            PointData p,
            LocalDateTime from,
            LocalDateTime to,
            List<String> details,
            List<LocalDateTime[]> registerRuns,
            Findings out) {
        if (covered(registerRuns, from, to)) {
            return new LocalDateTime[] {from, to};
        }
        Map<String, Object> ev = Days.evidence(e);
        ev.put("detail", details.get(0));
        ev.put("intervals", details.size());
        out.add(Days.finding(
                this, e, p.id(), "intervalTotal", List.of(p.id()), List.of(), from, from.plus(e.interval()), to, ev));
        return new LocalDateTime[] {from, to};
    }

    private static boolean negative(BigDecimal v, BigDecimal eps) {
        return v != null && v.compareTo(eps.negate()) < 0;
    }

    /** Whether an already reported period overlaps [start, end): its negative energy is explained. */
    private static boolean covered(List<LocalDateTime[]> reported, LocalDateTime start, LocalDateTime end) {
        for (LocalDateTime[] r : reported) {
            if (r[0].isBefore(end) && r[1].isAfter(start)) {
                return true;
            }
        }
        return false;
    }
}
