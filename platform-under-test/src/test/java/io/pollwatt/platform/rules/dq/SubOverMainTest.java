package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.config;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.withArchive;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.RuleConfig;
import org.junit.jupiter.api.Test;

/** DQ-11 realtime variant and the §10 matrix row 23. */
class SubOverMainTest {

    private static final SubOverMain RULE = new SubOverMain();

    /** MAIN M at 100 kW; P1 at 60 kW; P2 at {@code p2} over samples 10…13, 40 kW elsewhere. */
    private static EnterpriseFixture plant(double p2) {
        return EnterpriseFixture.day()
                .main("M", 10, 200)
                .prod("P1", 10, 100)
                .treat("P2", 5, 60)
                .power("M", "100x96")
                .power("P1", "60x96")
                .power("P2", "40x10 " + p2 + "x4 40x82");
    }

    @Test
    void row23SubMeterOutsideMainIsDq11Realtime() {
        // limit = 1.05 · 100 + 1 = 106 kW; P1 + P2 = 120 kW
        assertThat(evaluate(plant(60), RULE).findings()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-11");
            assertThat(a.subtype()).isEqualTo("realtime");
            assertThat(a.key()).isEqualTo("E1/realtime");
            assertThat(a.points()).containsExactly("M");
            assertThat(a.related()).containsExactly("P1", "P2");
            assertThat(a.start()).isEqualTo(at(10));
            assertThat(a.raisedAt()).isEqualTo(at(11));
            assertThat(a.end()).isEqualTo(at(14));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence()).containsEntry("subKw", 120.0).containsEntry("mainKw", 100.0);
        });
    }

    @Test
    void thresholdJustBelowAndJustAbove() {
        assertThat(evaluate(plant(45.9), RULE).findings()).isEmpty();
        assertThat(evaluate(plant(46.1), RULE).findings()).hasSize(1);
        RuleConfig absolute = config("dq.subOverMainAbsKw", "2");
        assertThat(evaluate(plant(46.1), absolute, RULE).findings()).isEmpty();
    }

    @Test
    void oneSampleOverIsBelowTheRun() {
        EnterpriseFixture f = EnterpriseFixture.day()
                .main("M", 10, 200)
                .prod("P1", 10, 100)
                .power("M", "100x96")
                .power("P1", "99x10 120 99x85");
        assertThat(evaluate(f, RULE).findings()).isEmpty();
    }

    @Test
    void onlyTopLevelSubPointsAreSummed() {
        // P2 is metered behind P1: counting it would count its power twice
        EnterpriseFixture f = plant(60);
        RuleConfig c = RuleConfig.defaults();
        EnterpriseData nested = withArchive(f.build(c.forEnterprise("E1")), DqTesting.parent("P2", "P1"));
        assertThat(evaluate(nested, c, RULE).findings()).isEmpty();
        EnterpriseData underMain = withArchive(f.build(c.forEnterprise("E1")), DqTesting.parent("P2", "M"));
        assertThat(evaluate(underMain, c, RULE).findings()).hasSize(1);
    }

    @Test
    void aSampleCountsOnlyWhereEveryInvolvedPointHasData() {
        // MAIN missing at 11 and 12: 10 and 13 are single samples over the limit
        EnterpriseFixture f = plant(60);
        EnterpriseFixture gaps = EnterpriseFixture.day()
                .main("M", 10, 200)
                .prod("P1", 10, 100)
                .treat("P2", 5, 60)
                .power("M", "100x11 - - 100x83")
                .power("P1", "60x96")
                .power("P2", "40x10 60x4 40x82");
        assertThat(evaluate(gaps, RULE).findings()).isEmpty();
        // a flagged MAIN sample (NO_DATA) is no data either
        EnterpriseFixture flagged = plant(60).flag("M", 11, "P", "D").flag("M", 12, "P", "D");
        assertThat(evaluate(flagged, RULE).findings()).isEmpty();
        assertThat(evaluate(f, RULE).findings()).hasSize(1);
    }
}
