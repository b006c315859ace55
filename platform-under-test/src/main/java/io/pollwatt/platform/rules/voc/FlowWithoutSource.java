package io.pollwatt.platform.rules.voc;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VOC-03 flow without production or treatment: the usable flue-gas velocity at or above {@code voc.minVelocity}
 * while every production point and every member of every treatment group associated with the stack is OFF, for at
 * least {@code voc.flowWithoutSourceMinMin} (other source, bypass, sensor fault); key = the stack. A point that is on
 * (RUN, LOW or HIGH) makes it false, a point without data (and none on) unknown. A stack with no associated point is
 * not judged.
 */
public final class FlowWithoutSource implements Rule {

    @Override
    public String id() {
        return "VOC-03";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double minVelocity = e.config().number("voc.minVelocity");
        int min = e.config().samples("voc.flowWithoutSourceMinMin");
        for (Stacks.Stack s : Stacks.of(e)) {
            List<String> sources = new ArrayList<>(s.production());
            sources.addAll(s.treatment(e));
            if (sources.isEmpty()) {
                continue;
            }
            Series v = s.series();
            List<OperatingState[]> states = sources.stream().map(e::state).toList();
            byte[] cond = new byte[e.grid().size()];
            for (int i = 0; i < cond.length; i++) {
                boolean on = false;
                boolean unknown = false;
                for (OperatingState[] st : states) {
                    on |= st[i].on();
                    unknown |= st[i] == OperatingState.NO_DATA;
                }
                if (!v.usable(Stacks.VELOCITY, i)) {
                    cond[i] = Episodes.UNKNOWN;
                } else if (v.value(Stacks.VELOCITY, i) < minVelocity || on) {
                    cond[i] = Episodes.FALSE;
                } else {
                    cond[i] = unknown ? Episodes.UNKNOWN : Episodes.TRUE;
                }
            }
            for (Episodes.Episode ep : Episodes.of(cond, Stacks.known(e, s, sources))) {
                int raised = ep.reached(min);
                if (raised < 0) {
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(ep.start()).toString());
                ev.put("velocity", Stacks.value(v, Stacks.VELOCITY, ep.start()));
                ev.put("sources", Stacks.states(e, sources, ep.start()));
                ev.put("config", e.config().subset("voc.minVelocity", "voc.flowWithoutSourceMinMin"));
                out.add(e.finding(this, s.id(), "flowWithoutSource", List.of(s.id()), sources, ep, raised, ev));
            }
        }
    }
}
