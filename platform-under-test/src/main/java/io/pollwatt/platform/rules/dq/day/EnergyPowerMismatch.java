package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * DQ-09 电量与功率不符: a day's energy that its own peak power cannot explain, E_D > {@code dq.energyPowerMaxHours} ×
 * P_max,D (a CT ratio applied to energy and not to power, a reading jump, a wrong register). When P_max,D is at or
 * below P_floor the peak says nothing (noise), so the day is held against 24 h × P_floor instead. Only valid days
 * whose energy is complete and closed are judged; the raw E_D is tested (AGG-02).
 */
public final class EnergyPowerMismatch implements Rule {

    private static final double HOURS_PER_DAY = Duration.ofDays(1).toHours();

    @Override
    public String id() {
        return "DQ-09";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double maxHours = e.config().number("dq.energyPowerMaxHours");
        double floor = e.config().number("state.pFloorKw");
        for (PointData p : e.data().points().values()) {
            for (DayAggregate d : p.aggregate().map(a -> a.days()).orElse(List.of())) {
                double pMax = Days.pMax(d);
                if (!Days.judgeable(e, p, d) || Double.isNaN(pMax)) {
                    continue;
                }
                BigDecimal energy = Days.energy(d);
                boolean atFloor = pMax <= floor;
                double limit = atFloor ? HOURS_PER_DAY * floor : maxHours * pMax;
                if (energy.doubleValue() <= limit) {
                    continue;
                }
                Map<String, Object> ev = Days.evidence(e, "dq.energyPowerMaxHours", "state.pFloorKw");
                ev.put("dayKwh", energy);
                ev.put("pMaxKw", pMax);
                ev.put("limitKwh", limit);
                out.add(Days.finding(
                        this,
                        e,
                        p.id(),
                        atFloor ? "belowFloor" : "aboveMaxPower",
                        List.of(p.id()),
                        List.of(),
                        Days.start(d.day()),
                        Days.end(d.day()),
                        Days.end(d.day()),
                        ev));
            }
        }
    }
}
