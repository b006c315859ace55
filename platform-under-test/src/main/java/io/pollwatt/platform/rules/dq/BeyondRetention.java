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
 * DQ-19 resend window: records that reached the platform more than {@code dtu.retentionDays} after their DataTime
 * are accepted (the data are real) but flagged {@code beyondRetention}: a device keeps only that many days, so such
 * records came from somewhere else than its store (a second collector, a manual import) and deserve a look. One
 * finding per device over the run of such DataTimes in the evaluated range, level 3.
 */
public final class BeyondRetention implements Rule {

    @Override
    public String id() {
        return "DQ-19";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        for (DeviceFacts d : e.data().devices()) {
            List<LocalDateTime> late = d.beyondRetention();
            if (late.isEmpty()) {
                continue;
            }
            LocalDateTime first = late.get(0);
            LocalDateTime last = late.get(late.size() - 1);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("mn", d.mn());
            ev.put("records", late.size());
            ev.put("first", first.toString());
            ev.put("last", last.toString());
            ev.put("config", e.config().subset("dtu.retentionDays"));
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    d.mn(),
                    "beyondRetention",
                    List.of(),
                    List.of(),
                    first,
                    first,
                    last.plus(e.interval()),
                    3,
                    ev));
        }
    }
}
