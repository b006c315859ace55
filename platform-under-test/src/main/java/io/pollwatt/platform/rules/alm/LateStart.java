package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.state.OperatingState;
import java.util.ArrayList;
import java.util.List;

/**
 * ALM-02 后开 and ALM-03 先停: a late-start (early-stop) episode no longer than {@code alm.shortEpisodeMaxMin} of at
 * least {@code alm.lateStartMinSamples} ({@code alm.earlyStopMinSamples}) samples and longer than the grace
 * {@code alm.graceStartMin} ({@code alm.graceStopMin}). The grace silences these, never ALM-01.
 */
public final class LateStart implements Rule {

    private final boolean start;

    private LateStart(boolean start) {
        this.start = start;
    }

    /** ALM-02. */
    public static LateStart lateStart() {
        return new LateStart(true);
    }

    /** ALM-03. */
    public static LateStart earlyStop() {
        return new LateStart(false);
    }

    @Override
    public String id() {
        return start ? "ALM-02" : "ALM-03";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        AssociationEpisodes.Shape shape =
                start ? AssociationEpisodes.Shape.lateStart : AssociationEpisodes.Shape.earlyStop;
        String minKey = start ? "alm.lateStartMinSamples" : "alm.earlyStopMinSamples";
        String graceKey = start ? "alm.graceStartMin" : "alm.graceStopMin";
        int min = Math.max(1, e.config().count(minKey));
        double grace = e.config().number(graceKey);
        double shortMax = e.config().number("alm.shortEpisodeMaxMin");
        List<Finding> found = new ArrayList<>();
        for (AssociationEpisodes.Classified c : AssociationEpisodes.of(e, OperatingState.OFF)) {
            double minutes = c.episode().length() * e.grid().minutes();
            if (c.shape() != shape
                    || c.episode().open()
                    || minutes > shortMax
                    || minutes <= grace
                    || c.episode().length() < min) {
                continue;
            }
            found.add(e.finding(
                    this,
                    c.group(),
                    shape.name(),
                    List.of(c.production()),
                    e.groups().get(c.group()).members(),
                    c.episode(),
                    c.episode().reached(min),
                    Evidence.association(
                            e,
                            c.production(),
                            c.group(),
                            c.episode().start(),
                            minKey,
                            graceKey,
                            "alm.shortEpisodeMaxMin")));
        }
        GroupFindings.merge(found).forEach(out::add);
    }
}
