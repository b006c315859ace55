package io.pollwatt.platform.rules.alm;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALM-01…04 and the §10 matrix rows 1–6, 27 and 28 on recorded series. */
class AssociationRulesTest {

    private static final Rule[] ALL = {
        new TreatmentNotRunning(), LateStart.lateStart(), LateStart.earlyStop(), new TreatmentUnderloaded()
    };

    /** Production P1 (P_on 10, P_ref 50) needs treatment fan T1 (P_on 2, P_ref 20). */
    private static EnterpriseFixture plant() {
        return EnterpriseFixture.day().prod("P1", 10, 50).treat("T1", 2, 20).needs("P1", "T1");
    }

    private static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    @Test
    void row1TreatmentOffTwoHoursMidProductionIsAlm01MidRunAtLevel2() {
        List<Finding> f = plant().power("P1", "0x8 50x40 0x48")
                .power("T1", "0x7 20x9 0x8 20x24 0x48")
                .run(ALL);
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-01");
            assertThat(a.subtype()).isEqualTo("midRun");
            assertThat(a.key()).isEqualTo("T1");
            assertThat(a.points()).containsExactly("P1");
            assertThat(a.start()).isEqualTo(at(16));
            assertThat(a.raisedAt()).isEqualTo(at(17));
            assertThat(a.end()).isEqualTo(at(24));
            assertThat(a.level()).isEqualTo(2);
            assertThat(a.evidence()).containsKey("production");
        });
    }

    @Test
    void row2TreatmentOnOneSampleLateIsAlm02NotAlm01() {
        List<Finding> f = plant().power("P1", "0x8 50x16 0x72")
                .power("T1", "0x9 20x16 0x71")
                .run(ALL);
        assertThat(f).extracting(Finding::ruleId).containsExactly("ALM-02");
        assertThat(f.get(0).start()).isEqualTo(at(8));
        assertThat(f.get(0).end()).isEqualTo(at(9));
        assertThat(f.get(0).level()).isEqualTo(3);
    }

    @Test
    void row3TreatmentOffOneSampleEarlyIsAlm03() {
        List<Finding> f = plant().power("P1", "0x8 50x16 0x72")
                .power("T1", "0x7 20x16 0x73")
                .run(ALL);
        assertThat(f)
                .extracting(Finding::ruleId, Finding::subtype)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALM-03", "earlyStop"));
    }

    @Test
    void row4TreatmentNeverOnDuringFourHoursIsAlm01NotStarted() {
        List<Finding> f =
                plant().power("P1", "0x8 50x16 0x72").power("T1", "0x96").run(ALL);
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-01");
            assertThat(a.subtype()).isEqualTo("notStarted");
            assertThat(a.level()).isEqualTo(2);
        });
    }

    @Test
    void row5FanAtSeventyPercentSpeedIsAlm04NotAlm01() {
        // P ≈ 0.34 · P_ref: on (above P_on), below state.lowLoadRatio · P_ref = 10 kW
        List<Finding> f = plant().power("P1", "0x8 50x16 0x72")
                .power("T1", "0x8 6.8x16 0x72")
                .run(ALL);
        assertThat(f).extracting(Finding::ruleId).containsExactly("ALM-04");
        assertThat(f.get(0).raisedAt()).isEqualTo(at(11)); // 60 min = 4 samples
    }

    @Test
    void row6PrimaryOffBackupOnAtTheNextSampleIsNothing() {
        List<Finding> f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .treat("T2", 2, 20)
                .group("G", 1, "T1", "T2")
                .needs("P1", "G")
                .power("P1", "0x8 50x40 0x48")
                .power("T1", "0x8 20x20 0x68")
                .power("T2", "0x29 20x19 0x48")
                .run(ALL);
        assertThat(f).isEmpty();
    }

    @Test
    void aSwitchGapOfTwoSamplesIsNotASwitchOver() {
        List<Finding> f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .treat("T2", 2, 20)
                .group("G", 1, "T1", "T2")
                .needs("P1", "G")
                .power("P1", "0x8 50x40 0x48")
                .power("T1", "0x8 20x20 0x68")
                .power("T2", "0x30 20x18 0x48")
                .run(ALL);
        assertThat(f).extracting(Finding::ruleId).containsExactly("ALM-01");
    }

    @Test
    void rows27And28TreatmentAloneOrBothOffAreNothing() {
        assertThat(plant().power("P1", "0x96").power("T1", "0x8 20x16 0x72").run(ALL))
                .isEmpty();
        assertThat(plant().power("P1", "0x96").power("T1", "0x96").run(ALL)).isEmpty();
    }

    @Test
    void alm01ThresholdJustBelowAndJustAbove() {
        // default 30 min: one OFF sample mid-run is below, two reach it
        assertThat(plant().power("P1", "0x8 50x40 0x48")
                        .power("T1", "0x7 20x9 0x1 20x31 0x48")
                        .run(ALL))
                .isEmpty();
        assertThat(plant().power("P1", "0x8 50x40 0x48")
                        .power("T1", "0x7 20x9 0x2 20x30 0x48")
                        .run(ALL))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-01");
        RuleConfig longer = RuleConfig.of(Map.of("alm.notRunningMinMin", "45"));
        assertThat(plant().power("P1", "0x8 50x40 0x48")
                        .power("T1", "0x7 20x9 0x2 20x30 0x48")
                        .run(longer, ALL))
                .isEmpty();
        assertThat(plant().power("P1", "0x8 50x40 0x48")
                        .power("T1", "0x7 20x9 0x3 20x29 0x48")
                        .run(longer, ALL))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-01");
    }

    @Test
    void alm02GraceSilencesALateStartButNeverAlm01() {
        RuleConfig grace = RuleConfig.of(Map.of("alm.graceStartMin", "15"));
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x9 20x15 0x72")
                        .run(grace, ALL))
                .isEmpty();
        // a treatment 30 min late is "not running" first: ALM-01 whatever the grace
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x10 20x14 0x72")
                        .run(grace, ALL))
                .extracting(Finding::ruleId, Finding::subtype)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALM-01", "lateStart"));
    }

    @Test
    void alm04ThresholdJustBelowAndJustAbove() {
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x8 20x12 9.9x3 20 0x72")
                        .run(ALL))
                .isEmpty();
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x8 20x11 9.9x4 20 0x72")
                        .run(ALL))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-04");
        // 10 kW is not below state.lowLoadRatio · P_ref
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x8 20x8 10x8 0x72")
                        .run(ALL))
                .isEmpty();
    }

    @Test
    void oneMissingSampleIsBridgedTwoEndTheEpisode() {
        List<Finding> bridged = plant().power("P1", "0x8 50x16 0x72")
                .power("T1", "0x8 20x4 0 - 0 20x9 0x72")
                .run(ALL);
        assertThat(bridged).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-01");
            assertThat(a.start()).isEqualTo(at(12));
            assertThat(a.end()).isEqualTo(at(15));
        });
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x8 20x4 0 - - 0 20x8 0x72")
                        .run(ALL))
                .isEmpty();
    }

    @Test
    void anEpisodeAtTheEndOfWhatIsKnownIsOpen() {
        EnterpriseFixture f = plant().power("P1", "0x8 50x16").power("T1", "0x8 20x12 0x4");
        f.series("P1").knownUntil(24);
        f.series("T1").knownUntil(24);
        assertThat(f.run(ALL)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-01");
            assertThat(a.open()).isTrue();
            assertThat(a.end()).isNull();
        });
    }

    @Test
    void twoProductionPointsNeedingOneGroupMakeOneAlarm() {
        List<Finding> f = plant().prod("P2", 10, 50)
                .needs("P2", "T1")
                .power("P1", "0x8 50x16 0x72")
                .power("P2", "0x10 50x16 0x70")
                .power("T1", "0x96")
                .run(ALL);
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.points()).containsExactly("P1", "P2");
            assertThat(a.start()).isEqualTo(at(8));
            assertThat(a.end()).isEqualTo(at(26));
        });
    }

    @Test
    void aMissingTreatmentSampleSuppressesNothingButTwoMakeNoAlarmOnNoData() {
        // group NO_DATA: ALM-01 is suppressed (the data finding applies instead)
        assertThat(plant().power("P1", "0x8 50x16 0x72")
                        .power("T1", "0x8 -x16 0x72")
                        .run(ALL))
                .isEmpty();
    }
}
