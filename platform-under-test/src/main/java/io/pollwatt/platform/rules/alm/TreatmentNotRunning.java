package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.List;

/**
 * ALM-01 治污设施未开启/停运: a not-started or mid-run episode of "production runs, a treatment group it needs is
 * OFF" lasting at least {@code alm.notRunningMinMin} (late starts and early stops longer than
 * {@code alm.shortEpisodeMaxMin} included). An open episode past the short bound is ALM-01 whatever its end.
 */
public final class TreatmentNotRunning implements Rule {

    @Override
    public String id() {
        return "ALM-01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        int min = e.config().samples("alm.notRunningMinMin");
        double shortMax = e.config().number("alm.shortEpisodeMaxMin");
        List<Finding> found = new ArrayList<>();
        for (AssociationEpisodes.Classified c : AssociationEpisodes.of(e, OperatingState.OFF)) {
            double minutes = c.episode().length() * e.grid().minutes();
            boolean alm01 = switch (c.shape()) {
                case notStarted, midRun -> true;
                case lateStart, earlyStop -> minutes > shortMax;
            };
            int raised = c.episode().reached(min);
            if (!alm01 || raised < 0) {
                continue;
            }
            found.add(e.finding(
                    this,
                    c.group(),
                    c.shape().name(),
                    List.of(c.production()),
                    e.groups().get(c.group()).members(),
                    c.episode(),
                    raised,
                    Evidence.association(
                            e,
                            c.production(),
                            c.group(),
                            c.episode().start(),
                            "alm.notRunningMinMin",
                            "alm.shortEpisodeMaxMin")));
        }
        GroupFindings.merge(found).forEach(out::add);
    }
}
