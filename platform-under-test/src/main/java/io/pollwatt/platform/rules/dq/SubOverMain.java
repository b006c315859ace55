package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-11 realtime variant (十五分钟超过总功): the top-level sub-points cannot draw more than the incoming lines feed,
 * so Σ sub P &gt; (1 + {@code dq.subOverMainTol}) · Σ MAIN P + {@code dq.subOverMainAbsKw} for
 * {@code dq.minConsecutiveSamples} samples points at a MAIN on a feeder, a wrong CT ratio, or a sub-meter fed from a
 * second transformer. Top-level: parent unset or a MAIN point (§1.2), so nothing is counted twice. A sample counts
 * only where every involved point has data: a NO_DATA state (missing, flagged, DQ-12 or DQ-17 open) leaves it
 * unknown. The daily energy variant is not this rule's.
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
        List<String> mains = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        for (PointData p : e.data().points().values()) {
            if (p.kind() == SiteArchive.PointKind.MAIN) {
                mains.add(p.id());
            } else if (topLevel(e, p)) {
                subs.add(p.id());
            }
        }
        if (mains.isEmpty() || subs.isEmpty()) {
            return; // nothing to compare: DQ-02 reports a missing MAIN
        }
        List<String> involved = new ArrayList<>(mains);
        involved.addAll(subs);
        double tol = e.config().number("dq.subOverMainTol");
        double abs = e.config().number("dq.subOverMainAbsKw");
        int n = e.grid().size();
        byte[] cond = new byte[n];
        double[] main = new double[n];
        double[] sub = new double[n];
        for (int i = 0; i < n; i++) {
            main[i] = sum(e, mains, i);
            sub[i] = sum(e, subs, i);
            if (Double.isNaN(main[i]) || Double.isNaN(sub[i])) {
                cond[i] = Episodes.UNKNOWN;
            } else {
                cond[i] = sub[i] > (1 + tol) * main[i] + abs ? Episodes.TRUE : Episodes.FALSE;
            }
        }
        int min = e.config().count("dq.minConsecutiveSamples");
        for (SampleRuns.Run r : SampleRuns.of(cond, e.known(involved), min, 1)) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(r.start()).toString());
            ev.put("mainKw", main[r.start()]);
            ev.put("subKw", sub[r.start()]);
            ev.put("limitKw", (1 + tol) * main[r.start()] + abs);
            ev.put("config", e.config().subset("dq.subOverMainTol", "dq.subOverMainAbsKw", "dq.minConsecutiveSamples"));
            out.add(e.finding(
                    this, e.enterpriseId() + "/realtime", "realtime", mains, subs, r.episode(), r.raised(), ev));
        }
    }

    /** A sub-point counted in the sums: not MAIN, its parent unset or a MAIN point. */
    private static boolean topLevel(Evaluation e, PointData p) {
        return p.point()
                .parent()
                .map(parent -> e.data()
                        .archive()
                        .point(parent)
                        .map(a -> a.kind() == SiteArchive.PointKind.MAIN)
                        .orElse(false))
                .orElse(true);
    }

    /** Σ P of {@code ids} at {@code i}; NaN when one of them has no data there. */
    private static double sum(Evaluation e, List<String> ids, int i) {
        double total = 0;
        for (String id : ids) {
            PointData p = e.data().point(id);
            if (e.state(id)[i] == OperatingState.NO_DATA || !p.series().usable("P", i)) {
                return Double.NaN;
            }
            total += p.series().value("P", i);
        }
        return total;
    }
}
