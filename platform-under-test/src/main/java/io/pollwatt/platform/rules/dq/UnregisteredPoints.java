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
 * DQ-15 unregistered point: a registered MN sends data items whose factor code or meter address maps to no archived
 * point (the seed: 10 points installed, 5 shown, no archive entry for the rest); the items stay in quarantine. One
 * finding per MN listing the items, open (the items keep coming until the archive is completed), level 3. The
 * "unregistered MN" event of packets from an unknown MN belongs to the ingest: no enterprise data carries them.
 */
public final class UnregisteredPoints implements Rule {

    @Override
    public String id() {
        return "DQ-15";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        for (DeviceFacts d : e.data().devices()) {
            if (d.unregisteredItems().isEmpty()) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("mn", d.mn());
            ev.put("items", d.unregisteredItems());
            ev.put("count", d.unregisteredItems().size());
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    d.mn(),
                    "unregisteredPoint",
                    List.of(),
                    List.of(),
                    e.grid().from(),
                    e.grid().from(),
                    null,
                    3,
                    ev));
        }
    }
}
