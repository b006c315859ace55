package io.pollwatt.verification.validation;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.rules.Finding;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run's findings as the alarms the platform would store for them, so the {@code Scorer} can score them: one
 * alarm per finding (a batch evaluation over the whole run already joins each episode, as the alarm store would),
 * opened at its raising sample, closed {@code ended} when the episode ended, never reviewed.
 */
final class FindingAlarms {

    private FindingAlarms() {}

    /** Alarms numbered from {@code firstId}, in the findings' order; {@code zone} is the enterprise's. */
    static List<Alarm> of(List<Finding> findings, ZoneId zone, long firstId) {
        List<Alarm> out = new ArrayList<>();
        long id = firstId;
        for (Finding f : findings) {
            boolean open = f.end() == null;
            out.add(new Alarm(
                    id++,
                    f.enterpriseId(),
                    f.ruleId(),
                    f.version(),
                    f.key(),
                    f.subtype(),
                    f.points(),
                    f.related(),
                    f.start(),
                    f.raisedAt(),
                    f.end(),
                    f.level(),
                    open ? Alarm.Status.OPEN : Alarm.Status.CLOSED,
                    open ? null : "ended",
                    false,
                    f.evidence(),
                    f.raisedAt().atZone(zone).toInstant(),
                    f.raisedAt().atZone(zone).toInstant(),
                    open ? null : f.end().atZone(zone).toInstant(),
                    Alarm.Review.UNREVIEWED,
                    null,
                    null,
                    null));
        }
        return out;
    }
}
