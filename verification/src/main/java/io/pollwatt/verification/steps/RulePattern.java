package io.pollwatt.verification.steps;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.verification.scoring.RuleName;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A rule as a scenario names it: a rule id of domain-rules.md ({@code ALM-01}), a rulebook variant that the platform
 * raises as a subtype of its rule ({@code DQ-08b}: DQ-08 of subtype {@code phase}), or a prefix with {@code *}
 * ({@code DQ-*}); matched as the scoring names alarms ({@link RuleName}). Names are checked against the rulebook when
 * the step runs, so a typing error ({@code alm-01}, {@code ALM-99}) fails the scenario instead of making a "not
 * raised" check pass for nothing.
 *
 * @param text what the scenario wrote
 */
record RulePattern(String text) {

    /** The rule ids of the rulebook, as the reference platform's catalogue implements them. */
    static final Set<String> RULE_IDS =
            Catalogue.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));

    /** Reads {@code text}, naming the known rules when it is none of them. */
    static RulePattern parse(String text) {
        String t = text.strip();
        Set<String> known = new TreeSet<>(RULE_IDS);
        known.addAll(RuleName.variants());
        boolean ok = t.endsWith("*")
                ? t.length() > 1 && known.stream().anyMatch(id -> RuleName.names(t, id))
                : known.contains(t);
        if (!ok) {
            throw new IllegalArgumentException("no rule '" + text + "' in the rulebook (names are case-sensitive); the"
                    + " rules are " + String.join(", ", RULE_IDS) + ", the variants "
                    + String.join(", ", RuleName.variants()) + ", or a prefix with '*' such as 'DQ-*'");
        }
        return new RulePattern(t);
    }

    boolean matches(Alarm a) {
        return RuleName.names(text, RuleName.of(a));
    }

    /** The alarms of {@code alarms} this pattern names. */
    List<Alarm> of(List<Alarm> alarms) {
        return alarms.stream().filter(this::matches).toList();
    }
}
