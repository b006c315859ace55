package io.pollwatt.platform.alarms;

import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleEngine;
import io.pollwatt.platform.rules.alm.AlmRules;
import io.pollwatt.platform.rules.dq.DqSampleRules;
import io.pollwatt.platform.rules.dq.day.DqDayRules;
import io.pollwatt.platform.rules.voc.VocRules;
import java.util.ArrayList;
import java.util.List;

/** Every rule the reference platform runs, in run order: the rulebook's ALM, DQ and VOC families. */
public final class Catalogue {

    private Catalogue() {}

    public static List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        all.addAll(DqSampleRules.all());
        all.addAll(AlmRules.all());
        all.addAll(DqDayRules.all());
        all.addAll(VocRules.all());
        return List.copyOf(all);
    }

    public static RuleEngine engine() {
        return new RuleEngine(rules());
    }
}
