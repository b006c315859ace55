package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.EnergyStep;
import io.pollwatt.platform.aggregate.Finding;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DQ-18 time-stamp problems, as the aggregation met them (AGG-01): records on no grid instant
 * ({@code notSnappable}: a DTU clock off by more than {@code agg.snapToleranceMin}) and second records for one
 * instant with different values ({@code conflictingDuplicate}). A wrong clock spoils every record, so they are
 * reported once per point and day, at day close, with their count. Records stamped more than
 * {@code dq.futureToleranceMin} after the platform's clock ({@code future}) are reported at once, open while they
 * are still ahead of it. The receipt time of each record is not in the data, so "after receipt" is judged against
 * the evaluation's clock.
 */
public final class TimeStamps implements Rule {

    @Override
    public String id() {
        return "DQ-18";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        long step = e.interval().toSeconds();
        for (PointData p : e.data().points().values()) {
            if (p.aggregate().isPresent()) {
                Map<String, TreeMap<LocalDate, List<Finding>>> bySubtype = new LinkedHashMap<>();
                for (Finding f : p.aggregate().get().findings()) {
                    if (!f.rule().equals(id())) {
                        continue;
                    }
                    // the aggregation stamps a duplicate with its grid instant, an unplaceable record with its own time
                    long s = Duration.between(f.time().toLocalDate().atStartOfDay(), f.time())
                            .toSeconds();
                    String subtype = s % step == 0 ? "conflictingDuplicate" : "notSnappable";
                    bySubtype
                            .computeIfAbsent(subtype, k -> new TreeMap<>())
                            .computeIfAbsent(f.time().toLocalDate(), k -> new ArrayList<>())
                            .add(f);
                }
                bySubtype.forEach((subtype, byDay) -> byDay.forEach((day, list) -> {
                    if (!Days.closed(e, p, Days.end(day))) {
                        return;
                    }
                    Map<String, Object> ev = Days.evidence(e, "agg.snapToleranceMin");
                    ev.put("count", list.size());
                    ev.put("first", list.get(0).detail());
                    out.add(Days.finding(
                            this,
                            e,
                            p.id(),
                            subtype,
                            List.of(p.id()),
                            List.of(),
                            Days.start(day),
                            Days.end(day),
                            Days.end(day),
                            ev));
                }));
            }
            future(e, p, out);
        }
    }

    private void future(Evaluation e, PointData p, Findings out) {
        LocalDateTime limit = e.data().now().plus(e.config().minutes("dq.futureToleranceMin"));
        LocalDateTime first = null;
        LocalDateTime latest = null;
        int count = 0;
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = e.grid().ceil(limit); i < e.grid().size(); i++) {
            if (p.series().present(i)) {
                times.add(e.grid().time(i));
            }
        }
        if (p.aggregate().isPresent()) {
            for (EnergyStep s : p.aggregate().get().steps()) {
                if (s.to().isAfter(limit)) {
                    times.add(s.to());
                }
            }
        }
        for (LocalDateTime t : times) {
            if (!t.isAfter(limit)) {
                continue;
            }
            count++;
            first = first == null || t.isBefore(first) ? t : first;
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        if (first == null) {
            return;
        }
        Map<String, Object> ev = Days.evidence(e, "dq.futureToleranceMin");
        ev.put("now", e.data().now().toString());
        ev.put("latest", latest.toString());
        ev.put("count", count);
        out.add(Days.finding(
                this,
                e,
                p.id(),
                "future",
                List.of(p.id()),
                List.of(),
                first,
                e.data().now(),
                null,
                ev));
    }
}
