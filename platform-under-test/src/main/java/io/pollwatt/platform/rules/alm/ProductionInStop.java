package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ALM-06 未响应停产 (STOP periods) and ALM-08 错峰生产 (OFF_PEAK windows, evaluated exactly like ALM-06), always at
 * level 1. Inside [start + {@code alm.controlGraceMin}, end):
 *
 * <ul>
 *   <li>subtype {@code production}, key = the point: an in-scope PROD or PROD_TREAT point running for at least
 *       {@code alm.stopPeriodMinMin};
 *   <li>subtype {@code mainResidual}, key = the MAIN point(s): the hourly MAIN energy (summed over MAIN points, every
 *       one complete) above {@code alm.stopResidualRatio} × B_MAIN for at least {@code alm.stopResidualHours}
 *       consecutive whole hours, whether or not a PROD point runs. B_MAIN is the mean hourly MAIN energy over the
 *       baseline hours of ALM-07 ({@link ControlPeriods#baselineHours}), taken from what of the
 *       {@code alm.baselineDays} before the period the evaluated grid holds; when the grid holds no baseline hour
 *       (or none with complete MAIN energy) B_MAIN is unknown and this subtype is not evaluated.
 * </ul>
 *
 * An outage (ALM-11) suppresses both: its samples (hours with an outage sample) do not count.
 */
public final class ProductionInStop implements Rule {

    private final SiteArchive.ControlKind kind;

    private ProductionInStop(SiteArchive.ControlKind kind) {
        this.kind = kind;
    }

    /** ALM-06, STOP periods. */
    public static ProductionInStop stop() {
        return new ProductionInStop(SiteArchive.ControlKind.STOP);
    }

    /** ALM-08, OFF_PEAK windows. */
    public static ProductionInStop offPeak() {
        return new ProductionInStop(SiteArchive.ControlKind.OFF_PEAK);
    }

    @Override
    public String id() {
        return kind == SiteArchive.ControlKind.STOP ? "ALM-06" : "ALM-08";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public int lookbackDays(io.pollwatt.platform.rules.RuleConfig.Values config) {
        return config.count("alm.baselineDays");
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        for (SiteArchive.ControlPeriod c : e.data().archive().controlPeriods()) {
            if (c.kind() != kind) {
                continue;
            }
            List<PointData> scope = ControlPeriods.scope(e, c);
            production(e, c, scope, out);
            mainResidual(e, c, scope, out);
        }
    }

    private void production(Evaluation e, SiteArchive.ControlPeriod c, List<PointData> scope, Findings out) {
        int from = ControlPeriods.from(e, c);
        int to = ControlPeriods.to(e, c);
        int min = e.config().samples("alm.stopPeriodMinMin");
        boolean[] outage = e.outage();
        for (PointData p : scope) {
            OperatingState[] st = e.state(p.id());
            byte[] cond = new byte[st.length];
            for (int i = 0; i < cond.length; i++) {
                if (i < from || i >= to || outage[i]) {
                    cond[i] = Episodes.FALSE;
                } else if (st[i] == OperatingState.NO_DATA) {
                    cond[i] = Episodes.UNKNOWN;
                } else {
                    cond[i] = st[i].running() ? Episodes.TRUE : Episodes.FALSE;
                }
            }
            for (Episodes.Episode ep : Episodes.of(cond, p.series().known())) {
                int raised = ep.reached(min);
                if (raised < 0) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(ep.start()).toString());
                ev.put("period", ControlPeriods.evidence(c));
                ev.put("production", Evidence.point(e, p.id(), ep.start()));
                ev.put("config", e.config().subset("alm.stopPeriodMinMin", "alm.controlGraceMin"));
                out.add(e.finding(this, p.id(), "production", List.of(p.id()), List.of(), ep, raised, 1, ev));
            }
        }
    }

    private void mainResidual(Evaluation e, SiteArchive.ControlPeriod c, List<PointData> scope, Findings out) {
        List<PointData> mains = e.data().points().values().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .toList();
        if (mains.isEmpty()) {
            return;
        }
        // B_MAIN needs baseline hours before the period; only those inside the evaluated grid are seen. With none
        // (or none with complete MAIN energy) B_MAIN is unknown and the subtype is skipped, not guessed.
        ControlPeriods.Baseline b =
                ControlPeriods.baseline(e, ControlPeriods.baselineHours(e, c, scope), mains, Hours::energy);
        if (!b.known()) {
            return;
        }
        double limit = e.config().number("alm.stopResidualRatio") * b.value();
        int minHours = Math.max(1, e.config().count("alm.stopResidualHours"));
        int known = e.known(mains.stream().map(PointData::id).toList());
        int to = ControlPeriods.to(e, c);
        List<Integer> hours = Hours.starts(e, ControlPeriods.from(e, c), to, Math.min(to, known));
        boolean over = ControlPeriods.endsInGrid(e, c) && to <= known;
        byte[] cond = new byte[hours.size() + 1];
        for (int k = 0; k < hours.size(); k++) {
            int h = hours.get(k);
            double kwh = Hours.sum(e, mains, h, Hours::energy);
            cond[k] = !Hours.outage(e, h) && kwh > limit ? Episodes.TRUE : Episodes.FALSE;
        }
        cond[hours.size()] = Episodes.FALSE; // the period is over: nothing after its last hour continues the run
        List<String> ids = mains.stream().map(PointData::id).toList();
        for (Episodes.Episode ofHours : Episodes.of(cond, over ? cond.length : hours.size())) {
            int raised = Hours.reached(e, hours, ofHours, minHours);
            if (raised < 0) {
                continue;
            }
            int h = hours.get(ofHours.start());
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(h).toString());
            ev.put("period", ControlPeriods.evidence(c));
            ev.put("hourKwh", Hours.sum(e, mains, h, Hours::energy));
            ev.put("baselineMainKwh", b.value());
            ev.put("baselineHours", b.hours());
            ev.put("limitKwh", limit);
            ev.put(
                    "config",
                    e.config()
                            .subset(
                                    "alm.stopResidualRatio",
                                    "alm.stopResidualHours",
                                    "alm.baselineDays",
                                    "alm.controlGraceMin"));
            out.add(e.finding(
                    this,
                    String.join("+", ids),
                    "mainResidual",
                    ids,
                    scope.stream().map(PointData::id).toList(),
                    Hours.samples(e, hours, ofHours),
                    raised,
                    1,
                    ev));
        }
    }
}
