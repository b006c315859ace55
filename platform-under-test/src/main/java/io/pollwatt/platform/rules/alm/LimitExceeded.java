package io.pollwatt.platform.rules.alm;

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
 * ALM-07 限产超标 / 未响应减产: during a LIMIT period, the hourly mean production power (Σ of the in-scope PROD and
 * PROD_TREAT points' hourly mean P, every one of them valid) above A·(1 + {@code alm.limitTolerance}) for at least
 * {@code alm.limitMinHours} consecutive whole hours inside [start + {@code alm.controlGraceMin}, end). Key = the
 * enterprise (the sum is the enterprise's production); level per §4 (inside a control period: 1).
 *
 * <p>Allowed power: the rulebook writes A = (1 − L)·B with L the reduction ratio; the archive keeps
 * {@code limitRatio} as the <em>allowed share of baseline</em> (docs/site-format.md: "allowed share of baseline; the
 * twin runs production at this ratio"), i.e. limitRatio = 1 − L, so A = limitRatio · B.
 *
 * <p>Baseline B: the mean hourly production power over the baseline hours ({@link ControlPeriods#baselineHours}) of
 * the {@code alm.baselineDays} before the period that the evaluated grid holds; without any such hour B is unknown and
 * the period is not evaluated. Public holidays ({@code alm.holidays}) are not baseline hours. Not implemented: the
 * MAIN − Σ TREAT fallback for incomplete PROD coverage.
 *
 * <p>Line mode (subtype {@code lineMode}, key = enterprise/lineMode, level 1): when the period archives
 * {@code allowedLines}, the number of running in-scope production points above it for at least
 * {@code alm.stopPeriodMinMin} inside [start + {@code alm.controlGraceMin}, end); a sample is unknown when the points
 * without data could decide it. Independent of the baseline and of {@code limitRatio}. An outage suppresses it.
 */
public final class LimitExceeded implements Rule {

    @Override
    public String id() {
        return "ALM-07";
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
            if (c.kind() == SiteArchive.ControlKind.LIMIT && c.limitRatio().isPresent()) {
                period(e, c, out);
            }
            if (c.kind() == SiteArchive.ControlKind.LIMIT && c.allowedLines().isPresent()) {
                lines(e, c, out);
            }
        }
    }

    private void lines(Evaluation e, SiteArchive.ControlPeriod c, Findings out) {
        List<PointData> scope = ControlPeriods.scope(e, c);
        int allowed = c.allowedLines().getAsInt();
        if (scope.size() <= allowed) {
            return;
        }
        int from = ControlPeriods.from(e, c);
        int to = ControlPeriods.to(e, c);
        int min = e.config().samples("alm.stopPeriodMinMin");
        boolean[] outage = e.outage();
        List<String> ids = scope.stream().map(PointData::id).toList();
        int[] running = new int[e.grid().size()];
        byte[] cond = new byte[e.grid().size()];
        for (int i = 0; i < cond.length; i++) {
            if (i < from || i >= to || outage[i]) {
                cond[i] = Episodes.FALSE;
                continue;
            }
            int unknown = 0;
            for (PointData p : scope) {
                OperatingState s = e.state(p.id())[i];
                if (s == OperatingState.NO_DATA) {
                    unknown++;
                } else if (s.running()) {
                    running[i]++;
                }
            }
            cond[i] = running[i] > allowed
                    ? Episodes.TRUE
                    : running[i] + unknown > allowed ? Episodes.UNKNOWN : Episodes.FALSE;
        }
        for (Episodes.Episode ep : Episodes.of(cond, e.known(ids))) {
            int raised = ep.reached(min);
            if (raised < 0) {
                continue;
            }
            List<String> on = new ArrayList<>();
            for (PointData p : scope) {
                if (e.state(p.id())[ep.start()].running()) {
                    on.add(p.id());
                }
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(ep.start()).toString());
            ev.put("period", ControlPeriods.evidence(c));
            ev.put("allowedLines", allowed);
            ev.put("runningLines", running[ep.start()]);
            ev.put("running", on);
            ev.put("config", e.config().subset("alm.stopPeriodMinMin", "alm.controlGraceMin"));
            out.add(e.finding(this, e.enterpriseId() + "/lineMode", "lineMode", on, ids, ep, raised, 1, ev));
        }
    }

    private void period(Evaluation e, SiteArchive.ControlPeriod c, Findings out) {
        List<PointData> scope = ControlPeriods.scope(e, c);
        if (scope.isEmpty()) {
            return;
        }
        ControlPeriods.Baseline b =
                ControlPeriods.baseline(e, ControlPeriods.baselineHours(e, c, scope), scope, Hours::meanPower);
        if (!b.known()) {
            return;
        }
        double allowed = c.limitRatio().getAsDouble() * b.value();
        double limit = allowed * (1 + e.config().number("alm.limitTolerance"));
        int minHours = Math.max(1, e.config().count("alm.limitMinHours"));
        List<String> ids = scope.stream().map(PointData::id).toList();
        int known = e.known(ids);
        int to = ControlPeriods.to(e, c);
        List<Integer> hours = Hours.starts(e, ControlPeriods.from(e, c), to, Math.min(to, known));
        boolean over = ControlPeriods.endsInGrid(e, c) && to <= known;
        byte[] cond = new byte[hours.size() + 1];
        for (int k = 0; k < hours.size(); k++) {
            int h = hours.get(k);
            double kw = Hours.sum(e, scope, h, Hours::meanPower); // NaN unless every point's hour is valid
            cond[k] = !Hours.outage(e, h) && kw > limit ? Episodes.TRUE : Episodes.FALSE;
        }
        cond[hours.size()] = Episodes.FALSE; // the period is over: nothing after its last hour continues the run
        for (Episodes.Episode ofHours : Episodes.of(cond, over ? cond.length : hours.size())) {
            int raised = Hours.reached(e, hours, ofHours, minHours);
            if (raised < 0) {
                continue;
            }
            int h = hours.get(ofHours.start());
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("at", e.grid().time(h).toString());
            ev.put("period", ControlPeriods.evidence(c));
            ev.put("hourMeanKw", Hours.sum(e, scope, h, Hours::meanPower));
            ev.put("baselineKw", b.value());
            ev.put("baselineHours", b.hours());
            ev.put("allowedKw", allowed);
            ev.put("limitKw", limit);
            ev.put(
                    "config",
                    e.config()
                            .subset(
                                    "alm.limitTolerance",
                                    "alm.limitMinHours",
                                    "alm.baselineDays",
                                    "alm.controlGraceMin"));
            out.add(e.finding(
                    this, e.enterpriseId(), "limit", ids, List.of(), Hours.samples(e, hours, ofHours), raised, ev));
        }
    }
}
