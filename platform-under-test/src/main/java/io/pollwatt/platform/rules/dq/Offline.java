package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DQ-06 离线/数据中断: a point that has reported goes silent for more than {@code dq.offlineMin} (platform time −
 * DataTime of its latest record). Open while it is silent at {@code now}; a past silence between two records of the
 * grid is a closed finding from the first missing sample to the record that ended it. A gap later filled by resend
 * leaves no silence here, so the finding disappears on the replay (the alarm store marks the one it had
 * {@code recoveredByResend}). Subtype {@code dtu} when every point behind the same MN is silent over the same
 * samples (cause hint "possible outage", ALM-11), else {@code point}. A point with no record in the range is silent
 * since before it only if its device has reported at all; one never heard is DQ-05's.
 */
public final class Offline implements Rule {

    @Override
    public String id() {
        return "DQ-06";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        Duration offline = e.config().minutes("dq.offlineMin");
        LocalDateTime now = e.data().now();
        for (PointData p : e.data().points().values()) {
            Series s = p.series();
            int previous = -1;
            for (int i = 0; i < e.grid().size(); i++) {
                if (!s.present(i)) {
                    continue;
                }
                if (previous >= 0
                        && Duration.between(e.grid().time(previous), e.grid().time(i))
                                        .compareTo(offline)
                                > 0) {
                    out.add(silence(e, p, e.grid().time(previous), previous + 1, i));
                }
                previous = i;
            }
            Optional<LocalDateTime> last = previous >= 0
                    ? Optional.of(e.grid().time(previous))
                    : deviceFacts(e, p.id())
                            .flatMap(f -> f.knowsPoints()
                                    ? Optional.ofNullable(f.pointsLatest().get(p.id())) // never heard: DQ-05's
                                    : f.latestData())
                            .map(t -> min(t, e.grid().time(-1)));
            if (last.isPresent() && Duration.between(last.get(), now).compareTo(offline) > 0) {
                int from = previous >= 0
                        ? previous + 1
                        : Dq.indexAtOrAfter(e, last.get().plus(e.interval()));
                out.add(silence(e, p, last.get(), from, -1));
            }
        }
    }

    /** A silence after the record at {@code lastAt}: samples from {@code from} to {@code to} (exclusive; −1 open). */
    private Finding silence(Evaluation e, PointData p, LocalDateTime lastAt, int from, int to) {
        boolean open = to < 0;
        int endIdx = open ? Dq.indexAtOrAfter(e, e.data().now()) - 1 : to - 1;
        Optional<SiteArchive.Dtu> dtu = Dq.dtuOf(e, p.id());
        boolean dtuLevel = dtu.isPresent()
                && Dq.pointsOf(e, dtu.get()).stream()
                        .allMatch(q -> silent(e.data().point(q).series(), from, endIdx));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("lastDataAt", lastAt.toString());
        LocalDateTime until = open ? e.data().now() : e.grid().time(to);
        ev.put("silentMin", Duration.between(lastAt, until).toMinutes());
        dtu.ifPresent(d -> ev.put("mn", d.mn()));
        if (dtuLevel) {
            ev.put("causeHint", "possibleOutage");
        }
        ev.put("config", e.config().subset("dq.offlineMin"));
        return new Finding(
                id(),
                version(),
                e.enterpriseId(),
                p.id(),
                dtuLevel ? "dtu" : "point",
                List.of(p.id()),
                dtuLevel ? Dq.pointsOf(e, dtu.get()) : List.of(),
                e.grid().time(from),
                lastAt.plus(e.config().minutes("dq.offlineMin")),
                open ? null : e.grid().time(to),
                e.level(from, Math.max(from, endIdx)),
                ev);
    }

    /** Whether {@code s} has no record over samples [from, to] (clamped to the grid). */
    private static boolean silent(Series s, int from, int to) {
        for (int i = Math.max(0, from); i <= Math.min(to, s.grid().size() - 1); i++) {
            if (s.present(i)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<DeviceFacts> deviceFacts(Evaluation e, String pointId) {
        return Dq.dtuOf(e, pointId)
                .flatMap(d -> e.data().devices().stream()
                        .filter(f -> f.mn().equals(d.mn()))
                        .findFirst());
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
