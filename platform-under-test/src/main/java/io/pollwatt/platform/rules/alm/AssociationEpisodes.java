package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The episodes of the association rules (关联分析, rulebook §4): for every production point p and every treatment
 * group g it needs, the runs of C(p, g, t) = p running ∧ g in the state the rule looks for (OFF: ALM-01…03; LOW:
 * ALM-04) ∧ both with data; an outage (ALM-11) and an approved maintenance declaration for g (报备, OP-03; the
 * archive's {@code maintenance}, unapproved ones change nothing) make the condition false (the alarms are
 * suppressed). ALM-01…03
 * episodes are classified by their shape, the first matching row of the rulebook's table winning.
 */
final class AssociationEpisodes {

    /** Shape of an episode of C_assoc (the alarm evidence's subtype). */
    enum Shape {
        /** starts with p's start, ends with p's stop. */
        notStarted,
        /** starts with p's start, ends with g leaving OFF while p runs. */
        lateStart,
        /** starts with g's stop while p runs, ends with p's stop. */
        earlyStop,
        /** any other. */
        midRun
    }

    /** One episode of p needing g, with its shape (for an open episode: the shape its start allows so far). */
    record Classified(String production, String group, Episodes.Episode episode, Shape shape) {}

    private AssociationEpisodes() {}

    /** The episodes in which p runs while g is {@code groupIs} (OFF or LOW). */
    static List<Classified> of(Evaluation e, OperatingState groupIs) {
        List<Classified> out = new ArrayList<>();
        boolean[] outage = e.outage();
        for (String p : e.associatedProduction()) {
            OperatingState[] ps = e.state(p);
            for (String g : e.required(p)) {
                OperatingState[] gs = e.groupState(g);
                boolean[] maintained = maintained(e, g);
                byte[] cond = new byte[ps.length];
                for (int i = 0; i < cond.length; i++) {
                    if (outage[i] || maintained[i]) {
                        cond[i] = Episodes.FALSE;
                    } else if (ps[i] == OperatingState.NO_DATA) {
                        cond[i] = Episodes.UNKNOWN;
                    } else if (!ps[i].running()) {
                        cond[i] = Episodes.FALSE;
                    } else if (gs[i] == OperatingState.NO_DATA) {
                        cond[i] = Episodes.UNKNOWN;
                    } else {
                        cond[i] = gs[i] == groupIs ? Episodes.TRUE : Episodes.FALSE;
                    }
                }
                List<String> involved = new ArrayList<>(e.groups().get(g).members());
                involved.add(p);
                int known = e.known(involved);
                for (Episodes.Episode ep : Episodes.of(cond, known)) {
                    out.add(new Classified(p, g, ep, shape(ep, ps, gs, known)));
                }
            }
        }
        return out;
    }

    /** Whether group {@code g} is inside an approved maintenance window at each instant of the grid. */
    static boolean[] maintained(Evaluation e, String g) {
        boolean[] out = new boolean[e.grid().size()];
        for (SiteArchive.Maintenance m : e.data().archive().maintenance()) {
            if (m.approved() && m.group().equals(g)) {
                for (int i = 0; i < out.length; i++) {
                    out[i] |= m.covers(e.grid().time(i));
                }
            }
        }
        return out;
    }

    private static Shape shape(Episodes.Episode ep, OperatingState[] ps, OperatingState[] gs, int known) {
        int s = ep.start();
        int before = previousKnown(ps, s);
        boolean pStarted = before >= 0 && !ps[before].running();
        boolean pWasRunning = before >= 0 && ps[before].running();
        boolean gWasOn = before >= 0 && gs[before].on();
        if (ep.open()) {
            return pStarted ? Shape.notStarted : Shape.midRun; // provisional: fixed when the episode ends
        }
        int after = ep.end() + 1;
        boolean pStops = after < known && ps[after] != OperatingState.NO_DATA && !ps[after].running();
        boolean gLeavesOff = after < known && gs[after].on() && ps[after].running();
        if (pStarted && pStops) {
            return Shape.notStarted;
        }
        if (pStarted && gLeavesOff) {
            return Shape.lateStart;
        }
        if (pWasRunning && gWasOn && pStops) {
            return Shape.earlyStop;
        }
        return Shape.midRun;
    }

    /** The sample before {@code s} that has data, bridging one missing sample (rulebook §0); −1 if unknown. */
    private static int previousKnown(OperatingState[] ps, int s) {
        if (s >= 1 && ps[s - 1] != OperatingState.NO_DATA) {
            return s - 1;
        }
        if (s >= 2 && ps[s - 2] != OperatingState.NO_DATA) {
            return s - 2;
        }
        return -1;
    }
}
