package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-05 联网后无数据: a device networked at t_reg (archived) that has sent no record by t_reg +
 * {@code dq.firstDataHours} on the platform clock: its MN was not delivered, is wrong, its SIM is not active or its
 * meters are not paired. Level 3, level 1 once {@code dq.firstDataEscalateHours} have passed (the rule's own levels,
 * not the duration scale). Keyed by MN; open until the first record arrives.
 */
public final class NoFirstData implements Rule {

    @Override
    public String id() {
        return "DQ-05";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        LocalDateTime now = e.data().now();
        for (DeviceFacts d : e.data().devices()) {
            if (d.latestData().isPresent()) {
                pointsNeverHeard(e, d, now, out);
                continue;
            }
            LocalDateTime due = d.networkedAt().plus(Dq.hours(e, "dq.firstDataHours"));
            if (now.isBefore(due)) {
                continue;
            }
            LocalDateTime escalated = d.networkedAt().plus(Dq.hours(e, "dq.firstDataEscalateHours"));
            List<String> points = e.data().archive().dtus().stream()
                    .filter(t -> t.mn().equals(d.mn()))
                    .flatMap(t -> Dq.pointsOf(e, t).stream())
                    .toList();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("mn", d.mn());
            ev.put("networkedAt", d.networkedAt().toString());
            ev.put("now", now.toString());
            ev.put("config", e.config().subset("dq.firstDataHours", "dq.firstDataEscalateHours"));
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    d.mn(),
                    "noDataAfterNetworking",
                    points,
                    List.of(),
                    d.networkedAt(),
                    due,
                    null,
                    now.isBefore(escalated) ? 3 : 1,
                    ev));
        }
    }

    /**
     * The rule is per point (the seed: a fan with "每日无数据" behind a DTU whose other meters report): a point of a
     * device that reports, itself never heard by t_reg + {@code dq.firstDataHours}.
     */
    private void pointsNeverHeard(Evaluation e, DeviceFacts d, LocalDateTime now, Findings out) {
        if (!d.knowsPoints()) {
            return;
        }
        LocalDateTime due = d.networkedAt().plus(Dq.hours(e, "dq.firstDataHours"));
        if (now.isBefore(due)) {
            return;
        }
        LocalDateTime escalated = d.networkedAt().plus(Dq.hours(e, "dq.firstDataEscalateHours"));
        for (var dtu : e.data().archive().dtus()) {
            if (!dtu.mn().equals(d.mn())) {
                continue;
            }
            for (String pointId : Dq.pointsOf(e, dtu)) {
                if (d.pointsLatest().containsKey(pointId)) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("mn", d.mn());
                ev.put("point", pointId);
                ev.put("networkedAt", d.networkedAt().toString());
                ev.put("now", now.toString());
                ev.put("config", e.config().subset("dq.firstDataHours", "dq.firstDataEscalateHours"));
                out.add(new Finding(
                        id(),
                        version(),
                        e.enterpriseId(),
                        pointId,
                        "pointNoDataAfterNetworking",
                        List.of(pointId),
                        List.of(),
                        d.networkedAt(),
                        due,
                        null,
                        now.isBefore(escalated) ? 3 : 1,
                        ev));
            }
        }
    }
}
