package io.pollwatt.verification.validation;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.verification.scoring.RuleTally;
import io.pollwatt.verification.scoring.Scorer;
import io.pollwatt.verification.scoring.StagedFault;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sweeps each row of a {@link SweepTable}: for every value, the rules are run with the key set to it (over the same
 * stored data: the {@link Rules} given), the alarms scored against the staged faults ({@link Scorer}), and the row's
 * rule read from the tally ({@link RuleTally}). Every distinct configuration is run once (the value in effect is one
 * of every row: those are one configuration), all in one call, so the data can be read once for all of them.
 */
public final class ThresholdSweeper {

    /** The rules over the run's data. */
    @FunctionalInterface
    public interface Rules {
        /**
         * The alarms the rules raise with each configuration (overrides of the defaults), in the order given.
         *
         * @param progress told of the work as it goes, in words
         */
        List<List<Alarm>> alarms(List<Map<String, String>> configurations, Consumer<String> progress) throws Exception;
    }

    private final List<StagedFault> faults;
    private final Rules rules;
    private final Map<String, String> base;

    /**
     * @param faults the staged faults, the ground truth
     * @param rules runs the rules with a configuration
     * @param base the run's own overrides ({@code --rules}: {@code key=value}, {@code key@ENTERPRISE=value})
     */
    public ThresholdSweeper(List<StagedFault> faults, Rules rules, Map<String, String> base) {
        this.faults = List.copyOf(faults);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.base = new TreeMap<>(base);
    }

    /** Every row of {@code table}, in order; {@code progress} is told how the rules' runs go. */
    public List<RuleSweep> sweep(SweepTable table, Consumer<String> progress) throws Exception {
        Set<Map<String, String>> distinct = new LinkedHashSet<>();
        for (SweepTable.Sweep row : table.sweeps()) {
            BigDecimal inEffect = inEffect(row.key());
            row.valuesWith(inEffect).forEach(v -> distinct.add(overrides(row.key(), v)));
        }
        List<Map<String, String>> configurations = List.copyOf(distinct);
        progress.accept(configurations.size() + " rule configurations to run over the stored data");
        List<List<Alarm>> alarms = rules.alarms(configurations, progress);
        if (alarms.size() != configurations.size()) {
            throw new IllegalStateException(
                    "asked for the alarms of " + configurations.size() + " configurations, got " + alarms.size());
        }
        Map<Map<String, String>, List<RuleTally.Quality>> scored = new HashMap<>();
        for (int i = 0; i < configurations.size(); i++) {
            RuleTally tally = new RuleTally();
            tally.add(Scorer.score(faults, alarms.get(i)));
            scored.put(configurations.get(i), tally.qualities());
        }
        List<RuleSweep> out = new ArrayList<>();
        for (SweepTable.Sweep row : table.sweeps()) {
            BigDecimal inEffect = inEffect(row.key());
            List<RuleSweep.Measured> points = new ArrayList<>();
            for (BigDecimal value : row.valuesWith(inEffect)) {
                points.add(measured(value, quality(row.rule(), scored.get(overrides(row.key(), value)))));
            }
            out.add(new RuleSweep(row.rule(), row.key(), inEffect, points));
        }
        return out;
    }

    /** The key's value for the run: its override in the base configuration, else the rulebook's default. */
    BigDecimal inEffect(String key) {
        String text = base.getOrDefault(key, RuleConfig.defaultValues().get(key));
        try {
            return SweepTable.plain(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot sweep " + key + ": its value '" + text + "' is not a number");
        }
    }

    /**
     * The base overrides with {@code key} at {@code value} for every enterprise: per-enterprise overrides of the key
     * are dropped, or the sweep would not be what those enterprises ran with.
     */
    Map<String, String> overrides(String key, BigDecimal value) {
        Map<String, String> m = new TreeMap<>(base);
        m.keySet().removeIf(k -> k.startsWith(key + "@"));
        m.put(key, SweepTable.text(value));
        // a value equal to the rulebook's default is no override: every row's default run is then one configuration
        m.entrySet().removeIf(e -> !e.getKey().contains("@") && sameNumber(e.getValue(), defaultOf(e.getKey())));
        return m;
    }

    private static String defaultOf(String key) {
        return RuleConfig.defaultValues().get(key);
    }

    private static boolean sameNumber(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
        } catch (NumberFormatException e) {
            return a.trim().equals(b.trim());
        }
    }

    private static RuleTally.Quality quality(String rule, List<RuleTally.Quality> qualities) {
        return qualities.stream()
                .filter(q -> q.rule().equals(rule))
                .findFirst()
                .orElse(new RuleTally.Quality(rule, 0, 0, 0, 0, 0, 0, null, null, null, null, List.of()));
    }

    private static RuleSweep.Measured measured(BigDecimal value, RuleTally.Quality q) {
        return new RuleSweep.Measured(
                value, q.detected(), q.falseAlarms(), q.missed(), q.alarms(), q.precision(), q.recall());
    }
}
