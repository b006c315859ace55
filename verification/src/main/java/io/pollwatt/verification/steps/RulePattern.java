package io.pollwatt.verification.steps;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A rule as a scenario names it: a rule id of domain-rules.md ({@code ALM-01}), a rulebook part that the platform
 * raises as a subtype of its rule ({@code DQ-08b}: DQ-08 of subtype {@code phase}), or a prefix with {@code *}
 * ({@code DQ-*}). Names are checked against the rulebook when the step runs, so a typing error ({@code alm-01},
 * {@code ALM-99}) fails the scenario instead of making a "not raised" check pass for nothing.
 *
 * @param text what the scenario wrote
 * @param ruleId the rule id, or the prefix before {@code *}
 * @param subtype the subtype a rulebook part stands for, or null
 * @param prefix whether {@code text} ends with {@code *}
 */
record RulePattern(String text, String ruleId, String subtype, boolean prefix) {

    /** The rulebook's parts of one rule that the platform raises as subtypes of it (domain-rules.md §10). */
    private static final Map<String, RulePattern> PARTS = Map.of(
            "DQ-08a", new RulePattern("DQ-08a", "DQ-08", "total", false),
            "DQ-08b", new RulePattern("DQ-08b", "DQ-08", "phase", false),
            "DQ-08c", new RulePattern("DQ-08c", "DQ-08", "signAlternation", false));

    /** The rule ids of the rulebook, as the reference platform's catalogue implements them. */
    static final Set<String> RULE_IDS =
            Catalogue.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));

    /** Reads {@code text}, naming the known rules when it is none of them. */
    static RulePattern parse(String text) {
        String t = text.strip();
        RulePattern part = PARTS.get(t);
        if (part != null) {
            return part;
        }
        if (t.endsWith("*")) {
            String start = t.substring(0, t.length() - 1);
            if (!start.isEmpty() && RULE_IDS.stream().anyMatch(id -> id.startsWith(start))) {
                return new RulePattern(t, start, null, true);
            }
        } else if (RULE_IDS.contains(t)) {
            return new RulePattern(t, t, null, false);
        }
        throw new IllegalArgumentException("no rule '" + text + "' in the rulebook (names are case-sensitive); the"
                + " rules are " + String.join(", ", RULE_IDS) + ", the parts "
                + String.join(", ", new TreeSet<>(PARTS.keySet())) + ", or a prefix with '*' such as 'DQ-*'");
    }

    boolean matches(Alarm a) {
        boolean rule = prefix ? a.ruleId().startsWith(ruleId) : a.ruleId().equals(ruleId);
        return rule && (subtype == null || subtype.equals(a.subtype()));
    }

    /** The alarms of {@code alarms} this pattern names. */
    List<Alarm> of(List<Alarm> alarms) {
        return alarms.stream().filter(this::matches).toList();
    }
}
