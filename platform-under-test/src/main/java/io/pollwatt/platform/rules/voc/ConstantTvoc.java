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
 * VOC-04 constant or zero TVOC while production runs: usable TVOC samples each within {@code dq.constantEps} of the
 * previous usable one (one missing sample bridged, §0), or 0, while a production point associated with the stack is
 * running, for at least {@code voc.constantMinMin}; key = the stack, subtype {@code zero} or {@code constant} (the
 * value at the start). The stretch starts at the first sample of the identical values: the sample the second one
 * repeats counts in its length.
 */
public final class ConstantTvoc implements Rule {

    @Override
    public String id() {
        return "VOC-04";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        double eps = e.config().number("dq.constantEps");
        int min = e.config().samples("voc.constantMinMin");
        for (Stacks.Stack s : Stacks.of(e)) {
            if (s.production().isEmpty()) {
                continue;
            }
            Series v = s.series();
            List<OperatingState[]> prod = s.production().stream().map(e::state).toList();
            int n = e.grid().size();
            byte[] running = new byte[n];
            for (int i = 0; i < n; i++) {
                boolean run = false;
                boolean unknown = false;
                for (OperatingState[] st : prod) {
                    run |= st[i].running();
                    unknown |= st[i] == OperatingState.NO_DATA;
                }
                running[i] = run ? Episodes.TRUE : unknown ? Episodes.UNKNOWN : Episodes.FALSE;
            }
            byte[] cond = new byte[n];
            for (int i = 0; i < n; i++) {
                if (!v.usable(Stacks.TVOC, i) || running[i] == Episodes.UNKNOWN) {
                    cond[i] = Episodes.UNKNOWN;
                } else if (running[i] == Episodes.FALSE) {
                    cond[i] = Episodes.FALSE;
                } else {
                    double x = v.value(Stacks.TVOC, i);
                    int prev = previousUsable(v, i);
                    boolean repeats = prev >= 0 && Math.abs(x - v.value(Stacks.TVOC, prev)) <= eps;
                    cond[i] = x == 0 || repeats ? Episodes.TRUE : Episodes.FALSE;
                }
            }
            for (Episodes.Episode found : Episodes.of(cond, Stacks.known(e, s, s.production()))) {
                Episodes.Episode ep = withRepeated(v, running, found);
                int raised = ep.reached(min);
                if (raised < 0) {
                    continue;
                }
                double first = v.value(Stacks.TVOC, ep.start());
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(ep.start()).toString());
                ev.put("tvoc", first);
                ev.put("production", Stacks.states(e, s.production(), ep.start()));
                ev.put("config", e.config().subset("dq.constantEps", "voc.constantMinMin"));
                out.add(e.finding(
                        this,
                        s.id(),
                        first == 0 ? "zero" : "constant",
                        List.of(s.id()),
                        s.production(),
                        ep,
                        raised,
                        ev));
            }
        }
    }

    /** The usable sample before {@code i}, bridging one missing sample; −1 if none. */
    private static int previousUsable(Series v, int i) {
        if (i >= 1 && v.usable(Stacks.TVOC, i - 1)) {
            return i - 1;
        }
        if (i >= 2 && !v.usable(Stacks.TVOC, i - 1) && v.usable(Stacks.TVOC, i - 2)) {
            return i - 2;
        }
        return -1;
    }

    /**
     * The episode extended back to the sample its first one repeats, when production was running there: a value is
     * constant from its first occurrence.
     */
    private static Episodes.Episode withRepeated(Series v, byte[] running, Episodes.Episode ep) {
        double x = v.value(Stacks.TVOC, ep.start());
        if (x == 0) {
            return ep; // a zero counts from itself
        }
        int prev = previousUsable(v, ep.start());
        if (prev >= 0 && running[prev] == Episodes.TRUE && v.value(Stacks.TVOC, prev) != 0) {
            return new Episodes.Episode(prev, ep.end(), ep.open());
        }
        return ep;
    }
}
