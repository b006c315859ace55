package io.pollwatt.platform.rules.voc;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.OperatingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VOC-02 fan running, no flow: the usable flue-gas velocity below {@code voc.minVelocity} while a treatment group
 * associated with the stack is RUN, for at least {@code voc.noFlowMinMin} (damper closed, sensor fault); key = the
 * stack. Unknown while the velocity is unusable (VOC-05) or no group is RUN and one has no data.
 */
public final class NoFlow implements Rule {

    @Override
    public String id() {
        return "VOC-02";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double minVelocity = e.config().number("voc.minVelocity");
        int min = e.config().samples("voc.noFlowMinMin");
        for (Stacks.Stack s : Stacks.of(e)) {
            if (s.groups().isEmpty()) {
                continue;
            }
            Series v = s.series();
            List<OperatingState[]> groups =
                    s.groups().stream().map(e::groupState).toList();
            byte[] cond = new byte[e.grid().size()];
            for (int i = 0; i < cond.length; i++) {
                boolean run = false;
                boolean unknown = false;
                for (OperatingState[] g : groups) {
                    run |= g[i] == OperatingState.RUN;
                    unknown |= g[i] == OperatingState.NO_DATA;
                }
                if (!v.usable(Stacks.VELOCITY, i)) {
                    cond[i] = Episodes.UNKNOWN;
                } else if (v.value(Stacks.VELOCITY, i) >= minVelocity) {
                    cond[i] = Episodes.FALSE;
                } else if (run) {
                    cond[i] = Episodes.TRUE;
                } else {
                    cond[i] = unknown ? Episodes.UNKNOWN : Episodes.FALSE;
                }
            }
            for (Episodes.Episode ep : Episodes.of(cond, Stacks.known(e, s, s.treatment(e)))) {
                int raised = ep.reached(min);
                if (raised < 0) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(ep.start()).toString());
                ev.put("velocity", Stacks.value(v, Stacks.VELOCITY, ep.start()));
                Map<String, Object> gs = new LinkedHashMap<>();
                s.groups().forEach(g -> gs.put(g, e.groupState(g)[ep.start()].name()));
                ev.put("groups", gs);
                ev.put("config", e.config().subset("voc.minVelocity", "voc.noFlowMinMin"));
                out.add(e.finding(this, s.id(), "noFlow", List.of(s.id()), s.groups(), ep, raised, ev));
            }
        }
    }
}
