package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DQ-10 电量异常偏大: a day's energy above the cap of its point type ({@code dq.energyCapMainKwh} for MAIN,
 * {@code dq.energyCapOtherKwh} otherwise: the seed's two figures, conflict C-2) or above what the circuit can carry,
 * {@code dq.physicalCapFactor} × 24 h × S_rated. The physical cap catches ratio and unit errors far below the type
 * caps on small circuits; it uses the archived CT, so it cannot see a ratio error the archive shares with the meter.
 * The evidence names the cap(s) that fired. Judged like DQ-09.
 */
public final class LargeEnergy implements Rule {

    private static final double HOURS_PER_DAY = Duration.ofDays(1).toHours();

    @Override
    public String id() {
        return "DQ-10";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double factor = e.config().number("dq.physicalCapFactor");
        for (PointData p : e.data().points().values()) {
            String typeKey = p.kind() == SiteArchive.PointKind.MAIN ? "dq.energyCapMainKwh" : "dq.energyCapOtherKwh";
            double typeCap = e.config().number(typeKey);
            double physicalCap = factor * HOURS_PER_DAY * p.ratedKva();
            for (DayAggregate d : p.aggregate().map(a -> a.days()).orElse(List.of())) {
                if (!Days.judgeable(e, p, d)) {
                    continue;
                }
                double energy = Days.energy(d).doubleValue();
                List<String> fired = new ArrayList<>();
                if (energy > typeCap) {
                    fired.add("type");
                }
                if (energy > physicalCap) {
                    fired.add("physical");
                }
                if (fired.isEmpty()) {
                    continue;
                }
                Map<String, Object> ev = Days.evidence(e, typeKey, "dq.physicalCapFactor");
                ev.put("dayKwh", Days.energy(d));
                ev.put("capsFired", fired);
                ev.put("typeCapKwh", typeCap);
                ev.put("physicalCapKwh", physicalCap);
                ev.put("ratedKva", p.ratedKva());
                out.add(Days.finding(
                        this,
                        e,
                        p.id(),
                        fired.size() == 2 ? "typeAndPhysicalCap" : fired.get(0) + "Cap",
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
