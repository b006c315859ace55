package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-11 产治污电量之和大于企业总电量, daily variant: the top-level sub-points (PROD, TREAT, PROD_TREAT, INDIRECT fed
 * by MAIN or by nothing archived, §1.2) used more energy than the MAIN points, Σ sub E_D > (1 +
 * {@code dq.subOverMainTol}) · Σ MAIN E_D + {@code dq.subOverMainAbsKwh}: MAIN on a feeder, a sub-meter behind
 * another transformer, a sub CT ratio too large. The tolerance covers meter accuracy. Judged only on days every
 * involved point has valid, complete and closed; an enterprise without MAIN is DQ-02's, not this rule's.
 */
public final class SubOverMain implements Rule {

    @Override
    public String id() {
        return "DQ-11";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        List<PointData> mains = Days.mains(e);
        List<PointData> subs = Days.topLevelSubs(e);
        if (mains.isEmpty() || subs.isEmpty()) {
            return;
        }
        double tol = e.config().number("dq.subOverMainTol");
        double abs = e.config().number("dq.subOverMainAbsKwh");
        for (LocalDate day : Days.aggregatedDays(e)) {
            Map<String, Object> mainEach = new LinkedHashMap<>();
            Map<String, Object> subEach = new LinkedHashMap<>();
            BigDecimal main = Days.sum(e, mains, day, mainEach);
            BigDecimal sub = Days.sum(e, subs, day, subEach);
            if (main == null || sub == null) {
                continue;
            }
            double limit = (1 + tol) * main.doubleValue() + abs;
            if (sub.doubleValue() <= limit) {
                continue;
            }
            Map<String, Object> ev = Days.evidence(e, "dq.subOverMainTol", "dq.subOverMainAbsKwh");
            ev.put("mainKwh", main);
            ev.put("subKwh", sub);
            ev.put("limitKwh", limit);
            ev.put("main", mainEach);
            ev.put("sub", subEach);
            out.add(Days.finding(
                    this,
                    e,
                    e.enterpriseId() + "/daily",
                    "daily",
                    ids(mains),
                    ids(subs),
                    Days.start(day),
                    Days.end(day),
                    Days.end(day),
                    ev));
        }
    }

    static List<String> ids(List<PointData> points) {
        List<String> out = new ArrayList<>();
        points.forEach(p -> out.add(p.id()));
        return out;
    }
}
