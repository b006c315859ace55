package io.pollwatt.platform.rules.dq.day;

import static io.pollwatt.platform.rules.dq.day.DayPlant.cfg;
import static io.pollwatt.platform.rules.dq.day.DayPlant.dayStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DQ-11 daily, DQ-14 sub ÷ MAIN and ALM-10 over the enterprise's sums; §10 rows 16 and 23. */
class DayEnterpriseRulesTest {

    /** MAIN (CT 1000/5) at 100 kW feeding production 60 kW and treatment 40 kW: 2 400 kWh a day on both sides. */
    private static DayPlant balanced(int days) {
        return DayPlant.days(days)
                .point("M1", PointKind.MAIN, 10, 100, 1000, null)
                .point("P1", PointKind.PROD, 10, 60)
                .point("T1", PointKind.TREAT, 2, 40)
                .power("M1", i -> 100)
                .power("P1", i -> 60)
                .power("T1", i -> 40);
    }

    @Test
    void dq11SubsJustWithinAndJustAboveTheTolerance() {
        // limit (1 + 0.05) × 2 400 + 1 = 2 521 kWh
        assertThat(balanced(1).addEnergy("T1", 30, "121.00").run(new SubOverMain()))
                .isEmpty();
        List<Finding> f = balanced(1).addEnergy("T1", 30, "121.01").run(new SubOverMain());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-11");
            assertThat(a.subtype()).isEqualTo("daily");
            assertThat(a.key()).isEqualTo("E1/daily");
            assertThat(a.points()).containsExactly("M1");
            assertThat(a.related()).containsExactly("P1", "T1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.end()).isEqualTo(dayStart(1));
            assertThat(a.raisedAt()).isEqualTo(dayStart(1));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence().get("subKwh").toString()).isEqualTo("2521.01");
            assertThat((double) a.evidence().get("limitKwh")).isEqualTo(2521.0);
        });
    }

    @Test
    void row23SubMeterFedFromASecondTransformerIsDq11() {
        List<Finding> f = balanced(1)
                .point("X1", PointKind.INDIRECT, 1, 50)
                .power("X1", i -> 50)
                .runAll();
        assertThat(f).extracting(Finding::ruleId).containsExactly("DQ-11");
        assertThat(f.get(0).evidence().get("subKwh").toString()).isEqualTo("3600.00");
    }

    @Test
    void dq11CountsOnlyTopLevelSubPoints() {
        // T2 is metered behind P1: its 50 kW is inside P1's circuit and must not be counted again; T3 hangs on MAIN
        DayPlant plant = balanced(1)
                .point("T2", PointKind.TREAT, 2, 50, 200, "P1")
                .power("T2", i -> 50)
                .point("T3", PointKind.TREAT, 2, 50, 200, "M1")
                .power("T3", i -> 0);
        assertThat(plant.run(new SubOverMain())).isEmpty();
        assertThat(plant.power("T3", i -> 10).run(new SubOverMain()))
                .singleElement()
                .satisfies(a -> assertThat(a.related()).containsExactly("P1", "T1", "T3"));
    }

    @Test
    void dq11WaitsForEveryInvolvedPointsValidCompleteDay() {
        // T1 misses every other record: no valid hour, no valid day, so the day is not judged
        List<Finding> f =
                balanced(1).power("T1", i -> i % 2 == 0 ? 400 : Double.NaN).run(new SubOverMain());
        assertThat(f).isEmpty();
    }

    /** Row 16: MAIN's CT ratio 5× too large; the subs carry 90 % of the true MAIN (100 kW). */
    private static DayPlant mainRatioTooLarge(int days) {
        return DayPlant.days(days)
                .point("M1", PointKind.MAIN, 10, 500)
                .point("P1", PointKind.PROD, 10, 60)
                .point("T1", PointKind.TREAT, 2, 30)
                .power("M1", i -> 500)
                .power("P1", i -> 60)
                .power("T1", i -> 30);
    }

    @Test
    void row16MainCtRatio5xTooLargeIsDq14AfterThreeDays() {
        List<Finding> f = mainRatioTooLarge(3).runAll();
        assertThat(f).extracting(Finding::ruleId).contains("DQ-14");
        assertThat(f)
                .filteredOn(a -> a.ruleId().equals("DQ-14"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("E1/subMainRatio");
                    assertThat(a.subtype()).isEqualTo("subMainRatio");
                    assertThat(a.start()).isEqualTo(dayStart(0));
                    assertThat(a.raisedAt()).isEqualTo(dayStart(3));
                    assertThat(a.open()).isTrue(); // the run reaches the last evaluated day
                    assertThat(a.level()).isEqualTo(3);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> ratios =
                            (Map<String, Object>) a.evidence().get("ratios");
                    assertThat(ratios).hasSize(3).containsEntry("2026-03-02", 0.18);
                });
        // "possibly DQ-10": 12 000 kWh is above the 200/5 circuit's physical cap
        assertThat(f).extracting(Finding::ruleId).contains("DQ-10");
        assertThat(mainRatioTooLarge(2).run(new SubMainRatio())).isEmpty();
    }

    @Test
    void dq14RatioJustAtAndJustBelowTheMinimum() {
        // MAIN 500 kW (12 000 kWh), subs 100 kW: ratio 0.2 exactly
        DayPlant at = DayPlant.days(3)
                .point("M1", PointKind.MAIN, 10, 500)
                .point("P1", PointKind.PROD, 10, 100)
                .power("M1", i -> 500)
                .power("P1", i -> 100);
        assertThat(at.run(new SubMainRatio())).isEmpty();
        for (int d = 0; d < 3; d++) {
            at.addEnergy("P1", d * 96 + 5, "-0.01");
        }
        assertThat(at.run(new SubMainRatio())).extracting(Finding::ruleId).containsExactly("DQ-14");
    }

    @Test
    void dq14MainMaximumJustAtAndJustAboveTheCapacityCap() {
        // capacity 500 kVA, dq.physicalCapFactor 1.2: the cap is 600 kW; MAIN peaks on day 1 only
        DayPlant at = DayPlant.days(3)
                .capacity(500)
                .point("M1", PointKind.MAIN, 10, 500, 2000, null)
                .point("P1", PointKind.PROD, 10, 300)
                .power("P1", i -> 300)
                .power("M1", i -> i == 96 + 40 ? 600 : 400);
        assertThat(at.run(new SubMainRatio())).isEmpty();
        List<Finding> f = at.power("M1", i -> i == 96 + 40 ? 600.5 : 400).run(new SubMainRatio());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-14");
            assertThat(a.subtype()).isEqualTo("aboveCapacity");
            assertThat(a.key()).isEqualTo("M1/aboveCapacity");
            assertThat(a.points()).containsExactly("M1");
            assertThat(a.start()).isEqualTo(DayPlant.dayStart(1));
            assertThat(a.end()).isEqualTo(DayPlant.dayStart(2));
            assertThat((Double) a.evidence().get("limitKw")).isCloseTo(600.0, within(1e-9));
        });
        // without an archived capacity there is nothing to compare with
        assertThat(DayPlant.days(3)
                        .point("M1", PointKind.MAIN, 10, 500, 2000, null)
                        .point("P1", PointKind.PROD, 10, 300)
                        .power("P1", i -> 300)
                        .power("M1", i -> 900)
                        .run(new SubMainRatio()))
                .isEmpty();
    }

    @Test
    void dq14DayWithoutAnyRunningSubPointBreaksTheRun() {
        // MAIN reads 1 000 kW; on day 1 the sub-points stay below their P_on (standby): nothing to compare that day
        DayPlant plant = mainRatioTooLarge(3)
                .point("P1", PointKind.PROD, 70, 60)
                .point("T1", PointKind.TREAT, 50, 30)
                .power("M1", i -> 1000)
                .power("P1", i -> i / 96 == 1 ? 50 : 80) // below P_off = 56 kW
                .power("T1", i -> i / 96 == 1 ? 30 : 60);
        assertThat(plant.run(new SubMainRatio())).isEmpty();
        assertThat(plant.power("P1", i -> 80).run(new SubMainRatio()))
                .extracting(Finding::ruleId)
                .containsExactly("DQ-14");
    }

    /** ALM-10: production 50 kW day and night; treatment 20 kW by day, {@code nightKw} at night (22:00–06:00). */
    private static DayPlant nightPlant(double prodNightKw, double nightKw) {
        return DayPlant.days(2)
                .point("P1", PointKind.PROD, 10, 50)
                .point("T1", PointKind.TREAT, 2, 20)
                .needs("P1", "T1")
                .power("P1", i -> night(i) ? prodNightKw : 50)
                .power("T1", i -> night(i) ? nightKw : 20);
    }

    private static boolean night(int i) {
        int hour = (i % 96) / 4;
        return hour >= 22 || hour < 6;
    }

    @Test
    void alm10NightRatioJustAtAndJustBelowTheMinimum() {
        // ρ = (T_night / P_night) ÷ (T_day / P_day) = nightKw / 20
        assertThat(nightPlant(50, 10).run(new NightStopping())).isEmpty();
        List<Finding> f = nightPlant(50, 9.96).run(new NightStopping());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-10");
            assertThat(a.key()).isEqualTo("E1");
            assertThat(a.subtype()).isEqualTo("nightStop");
            assertThat(a.start()).isEqualTo(dayStart(0).plusHours(22));
            assertThat(a.end()).isEqualTo(dayStart(1).plusHours(6));
            assertThat(a.raisedAt()).isEqualTo(dayStart(1).plusHours(6));
            assertThat((double) a.evidence().get("rho")).isCloseTo(0.498, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void alm10NeedsEnoughNightProduction() {
        RuleConfig half = RuleConfig.of(cfg("alm.nightProdShareMin", "0.5"));
        // night production 8 h × 50 = 400 kWh = 0.5 × 800 kWh by day: enough; at 49 kW it is not
        assertThat(nightPlant(50, 0).run(half, new NightStopping())).hasSize(1);
        assertThat(nightPlant(49, 0).run(half, new NightStopping())).isEmpty();
    }

    @Test
    void alm10IsNotJudgedWhenAnEnergyOfTheWindowsIsIncomplete() {
        // treatment's 02:00 reading missing on day 1: two night hours partial
        assertThat(nightPlant(50, 0)
                        .power("T1", i -> i == 104 ? Double.NaN : night(i) ? 0 : 20)
                        .run(new NightStopping()))
                .isEmpty();
    }
}
