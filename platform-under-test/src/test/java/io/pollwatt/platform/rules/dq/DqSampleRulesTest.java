package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.dtu;
import static io.pollwatt.platform.rules.dq.DqTesting.dtus;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.liveVoltages;
import static io.pollwatt.platform.rules.dq.DqTesting.varying;
import static io.pollwatt.platform.rules.dq.DqTesting.withArchive;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole family together: the run order, a healthy plant, and one fault reported by the rules it violates. */
class DqSampleRulesTest {

    private static EnterpriseFixture healthy() {
        EnterpriseFixture f = EnterpriseFixture.day()
                .main("M", 10, 120)
                .prod("P1", 10, 60)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("M", varying(90, 96))
                .power("P1", varying(60, 96))
                .power("T1", varying(20, 96))
                .device(new DeviceFacts(
                        "MN1", EnterpriseFixture.DAY.minusDays(30), Optional.of(at(95)), 960, 0, List.of()));
        return liveVoltages(f, "M", "P1", "T1");
    }

    private static List<Finding> all(EnterpriseFixture f) {
        RuleConfig c = RuleConfig.defaults();
        EnterpriseData d = withArchive(f.build(c.forEnterprise("E1")), dtus(dtu("MN1", "M", "P1", "T1")));
        return evaluate(d, c, DqSampleRules.all().toArray(Rule[]::new)).findings();
    }

    @Test
    void samplesChecksRunFirstAndEveryRuleIdIsThere() {
        List<Rule> rules = DqSampleRules.all();
        int lastSample = -1;
        int firstState = rules.size();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).stage() == Rule.Stage.SAMPLE) {
                lastSample = i;
            } else {
                firstState = Math.min(firstState, i);
            }
        }
        assertThat(lastSample).isLessThan(firstState);
        assertThat(rules.stream().map(Rule::id).distinct())
                .containsExactlyInAnyOrder(
                        "DQ-08", "DQ-12", "DQ-17", "DQ-01", "DQ-02", "DQ-03", "DQ-04", "DQ-05", "DQ-06", "DQ-15",
                        "DQ-11", "DQ-14", "DQ-19");
    }

    @Test
    void aHealthyPlantRaisesNothing() {
        assertThat(all(healthy())).isEmpty();
    }

    @Test
    void aFrozenSubMeterIsNoDataSoDq11DoesNotCompareIt() {
        // P1 frozen at 130 kW from sample 20: above M from the start, but DQ-12 makes it NO_DATA from sample 27
        EnterpriseFixture f = healthy().power("P1", varying(60, 20) + " 130x76");
        liveVoltages(f, "P1");
        List<Finding> found = all(f);
        assertThat(found)
                .extracting(Finding::ruleId, Finding::subtype)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DQ-12", "power"),
                        org.assertj.core.groups.Tuple.tuple("DQ-11", "realtime"));
        Finding dq11 = found.stream()
                .filter(a -> a.ruleId().equals("DQ-11"))
                .findFirst()
                .orElseThrow();
        assertThat(dq11.start()).isEqualTo(at(20));
        assertThat(dq11.end()).isEqualTo(at(27));
    }
}
