package io.pollwatt.verification.validation;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.alarms.RuleLoader;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The platform's rules re-run over a finished run's stored data with other configurations, storing nothing: what
 * {@code RuleService.evaluate} does (the dry run of {@code testbed platform rerun}), on the platform's own loader and
 * rule catalogue, for many configurations at once. One enterprise at a time, its data are loaded once and judged with
 * every configuration; they are loaded again only for a configuration that changes what the loader reads (the grid,
 * snapping, states, offline and retention keys, or the rules' look-back). The findings become the alarms the store
 * would hold ({@link FindingAlarms}). A test checks that the findings equal {@code RuleService.evaluate}'s.
 */
final class StoredRunRules implements ThresholdSweeper.Rules {

    /** {@code RuleService.WARM_UP}: the state machines and day-level rules need the day before what they judge. */
    static final Duration WARM_UP = Duration.ofDays(1);

    /** The keys {@link RuleLoader#load} reads: its grid, snapping, thresholds (state keys), horizon, retention. */
    static final Set<String> LOADED_KEYS = Set.of("dq.offlineMin", "dtu.retentionDays");

    static final List<String> LOADED_PREFIXES = List.of("agg.", "state.");

    private final List<SiteArchive> archives;
    private final Instant start;
    private final Instant end;
    private final RuleLoader loader;
    private final RuleEngine engine = Catalogue.engine();

    StoredRunRules(DataSource db, List<SiteArchive> archives, Instant start, Instant end) {
        this.archives = List.copyOf(archives);
        this.start = start;
        this.end = end;
        // what RuleService.create gives the reference platform: pollwatt's factor codes, the rulebook's aggregation
        this.loader = new RuleLoader(db, FactorCodes.pollwattDefault(), AggregationSettings.defaults());
    }

    @Override
    public List<List<Alarm>> alarms(List<Map<String, String>> configurations, Consumer<String> progress)
            throws SQLException {
        List<RuleConfig> configs = configurations.stream().map(RuleConfig::of).toList();
        List<List<Alarm>> out = new ArrayList<>();
        configurations.forEach(c -> out.add(new ArrayList<>()));
        int n = 0;
        for (SiteArchive a : archives) {
            progress.accept("rules over the stored data of %s (%d/%d), %d configurations"
                    .formatted(a.id(), ++n, archives.size(), configs.size()));
            List<List<Finding>> findings = findings(a, configs);
            for (int i = 0; i < configs.size(); i++) {
                List<Alarm> alarms = out.get(i);
                alarms.addAll(FindingAlarms.of(findings.get(i), a.zone(), alarms.size() + 1L));
            }
        }
        return out;
    }

    /** One enterprise's findings over the run with each configuration, as {@code RuleService.evaluate} finds them. */
    List<List<Finding>> findings(SiteArchive a, List<RuleConfig> configs) throws SQLException {
        LocalDateTime from = LocalDateTime.ofInstant(start, a.zone());
        LocalDateTime to = LocalDateTime.ofInstant(end, a.zone());
        LocalDateTime now = to; // the platform's clock stands at the end of the run
        List<List<Finding>> out = new ArrayList<>();
        Map<String, String> loadedWith = null;
        EnterpriseData data = null;
        for (RuleConfig config : configs) {
            RuleConfig.Values values = config.forEnterprise(a.id());
            int lookback = engine.rules().stream()
                    .mapToInt(r -> r.lookbackDays(values))
                    .max()
                    .orElse(0);
            LocalDateTime first = from.minus(WARM_UP).minusDays(lookback);
            Map<String, String> loading = loading(values, first);
            if (!loading.equals(loadedWith)) {
                data = loader.load(a, first, to, now, values);
                loadedWith = loading;
            }
            List<Finding> all = new ArrayList<>(engine.evaluate(data, values));
            // episodes wholly inside the warm-up belong to the evaluation that judged that day (RuleService.run)
            all.removeIf(
                    f -> f.end() != null && !f.end().isAfter(from) && f.start().isBefore(from));
            out.add(all);
        }
        return out;
    }

    /** What the loader's result depends on: the keys it reads and the first day it loads. */
    private static Map<String, String> loading(RuleConfig.Values values, LocalDateTime first) {
        Map<String, String> m = new TreeMap<>();
        values.all().forEach((k, v) -> {
            if (LOADED_KEYS.contains(k) || LOADED_PREFIXES.stream().anyMatch(k::startsWith)) {
                m.put(k, v);
            }
        });
        m.put("(first)", first.toString());
        return m;
    }
}
