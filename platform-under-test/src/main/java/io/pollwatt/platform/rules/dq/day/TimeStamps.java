package io.pollwatt.platform.rules.dq.day;

import io.pollwatt.platform.aggregate.Finding;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DQ-18 time-stamp problems, as the aggregation met them (AGG-01): records on no grid instant
 * ({@code notSnappable}: a DTU clock off by more than {@code agg.snapToleranceMin}) and second records for one
 * instant with different values ({@code conflictingDuplicate}). A wrong clock spoils every record, so they are
 * reported once per point and day, at day close, with their count. Records stamped more than
 * {@code dq.futureToleranceMin} after the platform received them ({@code future}: the rulebook's "after the platform's
 * receipt time") are reported as soon as they are in the data, each judged against its own receipt time (stored by
 * the ingest with the record), never against the evaluation's clock.
 */
public final class TimeStamps implements Rule {

    @Override
    public String id() {
        return "DQ-18";
    }

    @Override
    public int version() {
        return 2;
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

    /**
     * {@code future}: the point's DTU sent real-time records stamped more than {@code dq.futureToleranceMin} after
     * the platform received them (its clock is ahead). Each record is judged against its own receipt time, so the
     * verdict does not depend on when an evaluation runs. An episode runs, in order of receipt, from the first such
     * record until the first later one that is not ahead (open while the latest still is); its times are the grid
     * instants the receipts fall in.
     */
    private void future(Evaluation e, PointData p, Findings out) {
        DeviceFacts d = device(e, p.id());
        if (d == null) {
            return;
        }
        Duration tolerance = e.config().minutes("dq.futureToleranceMin");
        List<DeviceFacts.Receipt> receipts = new ArrayList<>(d.receipts());
        receipts.sort(
                Comparator.comparing(DeviceFacts.Receipt::receivedAt).thenComparing(DeviceFacts.Receipt::dataTime));
        DeviceFacts.Receipt first = null;
        DeviceFacts.Receipt last = null;
        Duration lead = Duration.ZERO;
        int count = 0;
        for (DeviceFacts.Receipt r : receipts) {
            Duration ahead = Duration.between(r.receivedAt(), r.dataTime());
            if (ahead.compareTo(tolerance) > 0) {
                if (first == null) {
                    first = r;
                    lead = Duration.ZERO;
                    count = 0;
                }
                last = r;
                lead = ahead.compareTo(lead) > 0 ? ahead : lead;
                count++;
            } else if (first != null) {
                out.add(future(e, p, first, last, r, count, lead));
                first = null;
            }
        }
        if (first != null) {
            out.add(future(e, p, first, last, null, count, lead));
        }
    }

    private io.pollwatt.platform.rules.Finding future(
            Evaluation e,
            PointData p,
            DeviceFacts.Receipt first,
            DeviceFacts.Receipt last,
            DeviceFacts.Receipt closing,
            int count,
            Duration lead) {
        LocalDateTime start = floor(e, first.receivedAt());
        LocalDateTime end = null;
        if (closing != null) {
            LocalDateTime after = floor(e, last.receivedAt()).plus(e.interval());
            LocalDateTime closed = floor(e, closing.receivedAt());
            end = closed.isAfter(after) ? closed : after;
        }
        Map<String, Object> ev = Days.evidence(e, "dq.futureToleranceMin");
        ev.put("firstDataTime", first.dataTime().toString());
        ev.put(
                "firstReceivedAt",
                first.receivedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        ev.put("count", count);
        ev.put("maxLeadMin", lead.toSeconds() / 60.0);
        return Days.finding(this, e, p.id(), "future", List.of(p.id()), List.of(), start, start, end, ev);
    }

    /** The facts of the DTU that archives point {@code pointId}, null when none. */
    private static DeviceFacts device(Evaluation e, String pointId) {
        for (SiteArchive.Dtu dtu : e.data().archive().dtus()) {
            if (dtu.meters().stream().anyMatch(m -> m.pointId().equals(pointId))) {
                for (DeviceFacts f : e.data().devices()) {
                    if (f.mn().equals(dtu.mn())) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /** The grid instant {@code t} falls in. */
    private static LocalDateTime floor(Evaluation e, LocalDateTime t) {
        long step = e.interval().toSeconds();
        LocalDateTime midnight = t.toLocalDate().atStartOfDay();
        long s = Duration.between(midnight, t).toSeconds();
        return midnight.plusSeconds(s / step * step);
    }
}
