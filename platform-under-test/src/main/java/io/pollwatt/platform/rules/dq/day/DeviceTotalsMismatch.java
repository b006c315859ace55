package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.rules.DeviceTotals;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DQ-20 against the device's own totals: an hour (day) whose device-sent EP_IMPORT {@code -Cou} (2061 hourly, 2031
 * daily; D1: DataTime = the period's start) and the platform's complete E_H (E_D) differ by more than
 * {@code dq.registerMismatchSteps} × {@code dq.registerResolutionKwh}. A period without a device total, or whose
 * platform energy is partial, is not compared. Reported once per point and day, at day close, key
 * {@code <point>/deviceTotals}: subtype {@code deviceDaily} when the day's totals disagree, else
 * {@code deviceHourly}; the evidence holds both values of every disagreeing hour and of the day.
 */
public final class DeviceTotalsMismatch implements Rule {

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
            DeviceTotals device = p.deviceTotals();
            if (p.aggregate().isEmpty() || device.isEmpty()) {
                continue;
            }
            TreeMap<LocalDate, Map<String, Object>> hours = new TreeMap<>();
            for (HourAggregate h : p.aggregate().get().hours()) {
                BigDecimal sent = device.hourly().get(h.hour());
                if (sent != null
                        && differs(sent, h.energy().complete(), h.energy().published(), tol)) {
                    hours.computeIfAbsent(h.hour().toLocalDate(), k -> new LinkedHashMap<>())
                            .put(h.hour().toString(), values(sent, h.energy().published()));
                }
            }
            TreeMap<LocalDate, Map<String, Object>> days = new TreeMap<>();
            for (DayAggregate d : p.aggregate().get().days()) {
                BigDecimal sent = device.daily().get(d.day());
                if (sent != null
                        && differs(sent, d.energy().complete(), d.energy().published(), tol)) {
                    days.put(d.day(), values(sent, d.energy().published()));
                }
            }
            TreeSet<LocalDate> flagged = new TreeSet<>(hours.keySet());
            flagged.addAll(days.keySet());
            for (LocalDate day : flagged) {
                if (!Days.closed(e, p, Days.end(day))) {
                    continue;
                }
                Map<String, Object> ev = Days.evidence(e, "dq.registerMismatchSteps", "dq.registerResolutionKwh");
                if (hours.containsKey(day)) {
                    ev.put("hours", hours.get(day));
                }
                if (days.containsKey(day)) {
                    ev.put("day", days.get(day));
                }
                out.add(Days.finding(
                        this,
                        e,
                        p.id() + "/deviceTotals",
                        days.containsKey(day) ? "deviceDaily" : "deviceHourly",
                        List.of(p.id()),
                        List.of(),
                        Days.start(day),
                        Days.end(day),
                        Days.end(day),
                        ev));
            }
        }
    }

    private static boolean differs(BigDecimal sent, boolean complete, BigDecimal platform, BigDecimal tol) {
        return complete && platform != null && sent.subtract(platform).abs().compareTo(tol) > 0;
    }

    private static Map<String, Object> values(BigDecimal sent, BigDecimal platform) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceKwh", sent);
        m.put("platformKwh", platform);
        return m;
    }
}
