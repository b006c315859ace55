package io.pollwatt.platform.rules.voc;

import io.pollwatt.platform.rules.Rule;
import java.util.List;

/**
 * The stack analyser rules, in the order they run. VOC-05 (only samples flagged N or T, or unflagged, are used) is no
 * rule of its own: every VOC rule reads the analyser through {@link io.pollwatt.platform.rules.Series#usable}.
 */
public final class VocRules {

    private VocRules() {}

    public static List<Rule> all() {
        return List.of(new TvocOverLimit(), new NoFlow(), new FlowWithoutSource(), new ConstantTvoc());
    }
}
