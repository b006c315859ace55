package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-06 transmission finding (传输不稳定/数据错乱): the share of a device's frames rejected by the codec (bad CRC,
 * syntax) over the evaluated range above {@code dq.rejectRateMax}. A share over a range has no duration of its own,
 * so it is level 3 over the range, closed at its end; keyed by MN.
 */
public final class GarbledTransmission implements Rule {

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
        double max = e.config().number("dq.rejectRateMax");
        for (DeviceFacts d : e.data().devices()) {
            if (d.frames() <= 0) {
                continue;
            }
            double share = (double) d.rejected() / d.frames();
            if (share <= max) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("mn", d.mn());
            ev.put("frames", d.frames());
            ev.put("rejected", d.rejected());
            ev.put("share", share);
            ev.put("config", e.config().subset("dq.rejectRateMax"));
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    d.mn(),
                    "rejectRate",
                    List.of(),
                    List.of(),
                    e.grid().from(),
                    e.grid().to(),
                    e.grid().to(),
                    3,
                    ev));
        }
    }
}
