package io.pollwatt.verification.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.verification.testbed.ScenarioDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole validation, small: 2 generated enterprises for one day with random faults (seed 7 stages a treatment stop
 * and three lost phase voltages among others), the rules swept over 2 keys × 3 values, and what was written.
 */
class ValidateRulesIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void sweeps_the_stored_run_and_writes_what_it_measured() throws Exception {
        SweepTable table = SweepTable.parse(
                "it", "ALM-01 alm.notRunningMinMin 30 60 120\nDQ-17 dq.phaseLossRatio 0.35 0.7 0.85\n");
        RuleValidation.Settings settings =
                new RuleValidation.Settings(2, 8, 1, 7, LocalDateTime.of(2026, 3, 2, 0, 0), ZONE, 3, Map.of(), table);
        try (Database db = ScenarioDatabase.open()) {
            RuleValidation.Outcome outcome = RuleValidation.run(settings, db, dir.resolve("stores"), m -> {});

            assertThat(outcome.run().fleet().unsent()).isZero();
            assertThat(outcome.run().platform().records()).isPositive();
            RuleSweep alm01 = outcome.sweeps().get(0);
            RuleSweep dq17 = outcome.sweeps().get(1);
            // the faults are there to be found: the curves rest on something
            assertThat(alm01.atDefault().truePositives() + alm01.atDefault().falseNegatives())
                    .isPositive();
            assertThat(dq17.atDefault().truePositives()).isPositive();
            // a longer duration is stricter: never more alarms, never a higher recall
            assertNotRising(alm01.points());
            // a lower phase-loss ratio is stricter (the voltage must fall further): read the sweep backwards
            List<RuleSweep.Measured> backwards = new ArrayList<>(dq17.points());
            Collections.reverse(backwards);
            assertNotRising(backwards);

            sameFindingsAsThePlatformsDryRun(db, outcome.population().archives(), settings);

            SweepReport.write(dir.resolve("out"), info(settings, outcome), outcome.sweeps());
            JsonNode json =
                    new ObjectMapper().readTree(dir.resolve("out/sweeps.json").toFile());
            assertThat(json.get("enterprises").asInt()).isEqualTo(2);
            for (int r = 0; r < 2; r++) {
                RuleSweep s = outcome.sweeps().get(r);
                JsonNode rule = json.get("rules").get(r);
                assertThat(rule.get("rule").asText()).isEqualTo(s.rule());
                assertThat(rule.get("key").asText()).isEqualTo(s.key());
                for (int i = 0; i < 3; i++) {
                    JsonNode p = rule.get("points").get(i);
                    RuleSweep.Measured m = s.points().get(i);
                    assertThat(p.get("value").decimalValue()).isEqualByComparingTo(m.value());
                    assertThat(List.of(
                                    p.get("tp").asInt(),
                                    p.get("fp").asInt(),
                                    p.get("fn").asInt()))
                            .containsExactly(m.truePositives(), m.falsePositives(), m.falseNegatives());
                    assertThat(p.get("alarms").asInt()).isEqualTo(m.alarms());
                }
            }
        }
    }

    private static void assertNotRising(List<RuleSweep.Measured> stricterAndStricter) {
        for (int i = 1; i < stricterAndStricter.size(); i++) {
            RuleSweep.Measured looser = stricterAndStricter.get(i - 1);
            RuleSweep.Measured stricter = stricterAndStricter.get(i);
            assertThat(stricter.alarms()).as("alarms at %s", stricter.value()).isLessThanOrEqualTo(looser.alarms());
            if (looser.recall() != null) {
                assertThat(stricter.recall())
                        .as("recall at %s", stricter.value())
                        .isLessThanOrEqualTo(looser.recall());
            }
        }
    }

    /**
     * The sweep reads each enterprise's data once for many configurations; what it finds must be exactly what the
     * platform's own dry run ({@code RuleService.evaluate}) finds, for the defaults and for a swept value.
     */
    private static void sameFindingsAsThePlatformsDryRun(
            Database db, List<SiteArchive> archives, RuleValidation.Settings s) throws Exception {
        StoredRunRules stored = new StoredRunRules(db.dataSource(), archives, s.from(), s.to());
        List<RuleConfig> configs = List.of(
                RuleConfig.defaults(),
                RuleConfig.of(Map.of("dq.constantSamples", "4")),
                RuleConfig.of(Map.of("state.lowLoadRatio", "0.8")));
        int compared = 0;
        for (SiteArchive a : archives) {
            List<List<Finding>> ours = stored.findings(a, configs);
            for (int i = 0; i < configs.size(); i++) {
                RuleService platform =
                        RuleService.create(db.dataSource(), configs.get(i), Clock.fixed(s.to(), ZoneOffset.UTC));
                List<Finding> theirs = platform.evaluate(
                        a.id(), LocalDateTime.ofInstant(s.from(), ZONE), LocalDateTime.ofInstant(s.to(), ZONE));
                assertThat(ours.get(i)).as("%s with %s", a.id(), i).isEqualTo(theirs);
                compared += theirs.size();
            }
        }
        assertThat(compared).isPositive();
    }

    private static RunInfo info(RuleValidation.Settings s, RuleValidation.Outcome o) {
        return new RunInfo(
                s.seed(),
                s.enterprises(),
                s.points(),
                s.days(),
                s.start(),
                s.zone(),
                s.faultRate(),
                o.population().faultKinds(),
                "./testbed validate-rules --population 2 --days 1 --seed 7 --fault-rate 3");
    }
}
