package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.List;

/**
 * ALM-04 低负荷/空转/降频: production runs while a treatment group it needs is LOW (running below
 * {@code state.lowLoadRatio} of its reference) for at least {@code alm.lowLoadMinMin}.
 */
public final class TreatmentUnderloaded implements Rule {

    @Override
    public String id() {
        return "ALM-04";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        int min = e.config().samples("alm.lowLoadMinMin");
        List<Finding> found = new ArrayList<>();
        for (AssociationEpisodes.Classified c : AssociationEpisodes.of(e, OperatingState.LOW)) {
            int raised = c.episode().reached(min);
            if (raised < 0) {
                continue;
            }
            found.add(e.finding(
                    this,
                    c.group(),
                    "lowLoad",
                    List.of(c.production()),
                    e.groups().get(c.group()).members(),
                    c.episode(),
                    raised,
                    Evidence.association(
                            e,
                            c.production(),
                            c.group(),
                            c.episode().start(),
                            "alm.lowLoadMinMin",
                            "state.lowLoadRatio")));
        }
        GroupFindings.merge(found).forEach(out::add);
    }
}
