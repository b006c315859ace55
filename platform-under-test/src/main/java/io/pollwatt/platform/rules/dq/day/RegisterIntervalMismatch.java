package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.Finding;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DQ-20 register and interval totals disagree: an hour whose register energy E(hh+1:00) − E(hh:00) and sum of
 * 15-minute interval totals ({@code -Cou}) differ by more than {@code dq.registerMismatchSteps} ×
 * {@code dq.registerResolutionKwh} (a DTU computing intervals from another register, lost or duplicated resends, a
 * ratio applied to one field). Only hours whose register steps all count are compared (a reset or jump is DQ-07's
 * or DQ-13's). A missing interval total can only make the sum smaller, so an hour whose sum falls short is taken
 * only when the aggregation, which counts the totals it received, saw all of them and flagged the hour too; a sum
 * above the register is a mismatch whatever is missing. Reported once per point and day, at day close, with the
 * hours.
 */
public final class RegisterIntervalMismatch implements Rule {

    @Override
    public String id() {
        return "DQ-20";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        BigDecimal tol = BigDecimal.valueOf(e.config().number("dq.registerMismatchSteps"))
                .multiply(BigDecimal.valueOf(e.config().number("dq.registerResolutionKwh")));
        for (PointData p : e.data().points().values()) {
            if (p.aggregate().isEmpty()) {
                continue;
            }
            Set<LocalDateTime> fullHours = new HashSet<>();
            for (Finding f : p.aggregate().get().findings()) {
                if (f.rule().equals(id())) {
                    fullHours.add(f.time());
                }
            }
            TreeMap<LocalDate, List<HourAggregate>> byDay = new TreeMap<>();
            for (HourAggregate h : p.aggregate().get().hours()) {
                BigDecimal reg = h.energy().register();
                BigDecimal iv = h.energy().intervals();
                if (reg == null
                        || iv == null
                        || h.energy().raw() == null
                        || h.energy().raw().compareTo(reg) != 0) {
                    continue;
                }
                BigDecimal gap = iv.subtract(reg);
                boolean mismatch =
                        gap.compareTo(tol) > 0 || (gap.negate().compareTo(tol) > 0 && fullHours.contains(h.hour()));
                if (mismatch) {
                    byDay.computeIfAbsent(h.hour().toLocalDate(), k -> new ArrayList<>())
                            .add(h);
                }
            }
            byDay.forEach((day, hours) -> {
                if (!Days.closed(e, p, Days.end(day))) {
                    return;
                }
                Map<String, Object> ev = Days.evidence(e, "dq.registerMismatchSteps", "dq.registerResolutionKwh");
                Map<String, Object> each = new LinkedHashMap<>();
                for (HourAggregate h : hours) {
                    each.put(
                            h.hour().toString(),
                            Map.of(
                                    "registerKwh",
                                    h.energy().register(),
                                    "intervalsKwh",
                                    h.energy().intervals()));
                }
                ev.put("hours", each);
                out.add(Days.finding(
                        this,
                        e,
                        p.id(),
                        "hourly",
                        List.of(p.id()),
                        List.of(),
                        Days.start(day),
                        Days.end(day),
                        Days.end(day),
                        ev));
            });
        }
    }
}
