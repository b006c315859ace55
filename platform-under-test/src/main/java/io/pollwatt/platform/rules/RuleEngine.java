package io.pollwatt.platform.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs rules over one enterprise's data: the per-sample checks first (their findings make samples NO_DATA or put
 * them on the current fallback), then everything that reads states; the findings in a stable order (start, rule,
 * key), so the same data always give the same list.
 */
public final class RuleEngine {

    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Objects.requireNonNull(rules, "rules");
    }

    /** The rules, in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /** The findings of every rule over {@code data} with {@code config}. */
    public List<Finding> evaluate(EnterpriseData data, RuleConfig.Values config) {
        Evaluation e = new Evaluation(data, config);
        Findings out = new Findings();
        for (Rule.Stage stage : Rule.Stage.values()) {
            run(stage, e, out);
        }
        List<Finding> list = new ArrayList<>(out.list());
        list.sort(Comparator.comparing(Finding::start)
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::key));
        return list;
    }

    /**
     * The evaluation of {@code data} after the {@link Rule.Stage#SAMPLE} rules (their findings dropped): its states
     * are those the STATE rules see, with DQ-08's fallback and DQ-12's and DQ-17's NO_DATA applied (ST-09 over
     * stored data).
     */
    public Evaluation sampled(EnterpriseData data, RuleConfig.Values config) {
        Evaluation e = new Evaluation(data, config);
        run(Rule.Stage.SAMPLE, e, new Findings());
        return e;
    }

    private void run(Rule.Stage stage, Evaluation e, Findings out) {
        for (Rule r : rules) {
            if (r.stage() == stage) {
                r.evaluate(e, out);
            }
        }
    }
}
