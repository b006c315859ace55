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
 * rule raises what it found. An hour (day) whose negative energy a reported step or hour already explains is not
 * reported again, so one reset is one finding.
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
            for (EnergyStep s : a.steps()) {
                if (s.kind() == EnergyStep.Kind.NEGATIVE) {
                    Map<String, Object> ev = Days.evidence(e, "dq.registerResolutionKwh");
                    ev.put("from", s.from().toString());
                    ev.put("to", s.to().toString());
                    ev.put("deltaKwh", s.delta());
                    out.add(Days.finding(
                            this, e, p.id(), "registerStep", List.of(p.id()), List.of(), s.from(), s.to(), s.to(), ev));
                    reported.add(new LocalDateTime[] {s.from(), s.to()});
                }
            }
            for (io.pollwatt.platform.aggregate.Finding f : a.findings()) {
                if (f.rule().equals(id()) && f.detail().startsWith("interval total")) {
                    LocalDateTime end = f.time().plus(e.interval());
                    Map<String, Object> ev = Days.evidence(e);
                    ev.put("detail", f.detail());
                    out.add(Days.finding(
                            this, e, p.id(), "intervalTotal", List.of(p.id()), List.of(), f.time(), end, end, ev));
                    reported.add(new LocalDateTime[] {f.time(), end});
                }
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

    private static boolean negative(BigDecimal v, BigDecimal eps) {
        return v != null && v.compareTo(eps.negate()) < 0;
    }

    /** Whether an already reported period lies inside [start, end). */
    private static boolean covered(List<LocalDateTime[]> reported, LocalDateTime start, LocalDateTime end) {
        for (LocalDateTime[] r : reported) {
            if (!r[0].isBefore(start) && !r[1].isAfter(end)) {
                return true;
            }
        }
        return false;
    }
}
