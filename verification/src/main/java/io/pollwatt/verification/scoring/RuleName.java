package io.pollwatt.verification.scoring;

import io.pollwatt.platform.alarms.Alarm;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rulebook names a few variants of one rule with a letter ({@code DQ-08a} negative total power, {@code DQ-08b}
 * a negative phase, {@code DQ-08c} sign alternation); the reference platform stores them as one rule id with a
 * subtype. Ground truth speaks the rulebook's names, so alarms are named the same way before they are compared.
 */
public final class RuleName {

    /** Rulebook name by platform rule id and subtype. */
    private static final Map<String, String> VARIANTS = Map.of(
            "DQ-08/total", "DQ-08a",
            "DQ-08/phase", "DQ-08b",
            "DQ-08/signAlternation", "DQ-08c");

    private RuleName() {}

    /** The rulebook names of the variants ({@code DQ-08a}, {@code DQ-08b}, {@code DQ-08c}). */
    public static Set<String> variants() {
        return new TreeSet<>(VARIANTS.values());
    }

    /** The rulebook's name of what the alarm reports: {@code DQ-08b} for DQ-08 of subtype {@code phase}. */
    public static String of(Alarm a) {
        return of(a.ruleId(), a.subtype());
    }

    static String of(String ruleId, String subtype) {
        return subtype == null ? ruleId : VARIANTS.getOrDefault(ruleId + "/" + subtype, ruleId);
    }

    /**
     * Whether a rulebook name (or a pattern ending in {@code *}: {@code DQ-*}) names an alarm of that rulebook
     * name. {@code DQ-08} names every variant {@code DQ-08a…c}.
     */
    public static boolean names(String pattern, String name) {
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(name)
                || (name.startsWith(pattern)
                        && name.length() == pattern.length() + 1
                        && Character.isLowerCase(name.charAt(name.length() - 1)));
    }
}
