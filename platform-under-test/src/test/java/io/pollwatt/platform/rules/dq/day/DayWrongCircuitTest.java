package io.pollwatt.platform.rules.dq.day;

import static io.pollwatt.platform.rules.dq.day.DayPlant.cfg;
import static io.pollwatt.platform.rules.dq.day.DayPlant.dayStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.dq.ElectricalSanity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DQ-16 (a)…(d) and the §10 rows 22 and 29. */
class DayWrongCircuitTest {

    private static int hour(int i) {
        return (i % 96) / 4;
    }

    /** Production 08:00–18:00, its power varying 30…50 kW over the day. */
    private static double production(int i) {
        int h = hour(i);
        return h >= 8 && h < 18 ? 40 + 10 * Math.sin(i * 0.7) : 0;
    }

    /** Row 22: the "treatment" meter is on the production circuit: half its power, ratio off by ±{@code spread}. */
    private static DayPlant treatmentOnProductionCircuit(int days, double spread) {
        return DayPlant.days(days)
                .point("P1", PointKind.PROD, 10, 50)
                .point("T1", PointKind.TREAT, 2, 20)
                .needs("P1", "T1")
                .power("P1", DayWrongCircuitTest::production)
                .power("T1", i -> 0.5 * production(i) * (1 + (i % 2 == 0 ? spread : -spread)));
    }

    @Test
    void row22TreatmentMeterOnAProductionCircuitForSevenDaysIsDq16a() {
        List<Finding> f = treatmentOnProductionCircuit(7, 0).run(new WrongCircuit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-16");
            assertThat(a.subtype()).isEqualTo("sameTimingAsProduction");
            assertThat(a.key()).isEqualTo("T1");
            assertThat(a.related()).containsExactly("P1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.raisedAt()).isEqualTo(dayStart(7));
            assertThat(a.open()).isTrue();
            assertThat(a.evidence()).containsEntry("variant", "a");
        });
        assertThat(treatmentOnProductionCircuit(6, 0).run(new WrongCircuit())).isEmpty();
    }

    /**
     * Row 22 as the twin stages it: the treatment meter reads the production circuit itself (ratio 1), its archived
     * CT {@code ctPrimary}/5. The DQ-17 cap is 1.2 × √3 × 0.4 kV × ctPrimary: 50.7 kW for 61/5, above every
     * production sample (30…50 kW); 29.1 kW for 35/5, below every running one.
     */
    private static DayPlant treatmentMeterOnProductionCircuit(int ctPrimary) {
        return DayPlant.days(7)
                .point("P1", PointKind.PROD, 10, 50)
                .point("T1", PointKind.TREAT, 2, 20, ctPrimary, null)
                .needs("P1", "T1")
                .power("P1", DayWrongCircuitTest::production)
                .power("T1", DayWrongCircuitTest::production);
    }

    @Test
    void dq16aComparesTheMeasuredTimingEvenWhenDq17MakesEveryRunningSampleNoData() {
        // just below the treatment CT's rating: DQ-17 quiet, DQ-16(a) fires
        assertThat(treatmentMeterOnProductionCircuit(61).run(new ElectricalSanity(), new WrongCircuit()))
                .extracting(Finding::ruleId, Finding::subtype)
                .containsExactly(tuple("DQ-16", "sameTimingAsProduction"));
        // just above: every running sample of T1 is above the rating, DQ-17 makes them NO_DATA for the states; the
        // reading is still the meter's, and on the production circuit it is the evidence DQ-16(a) looks for
        List<Finding> f = treatmentMeterOnProductionCircuit(35).run(new ElectricalSanity(), new WrongCircuit());
        assertThat(f)
                .filteredOn(x -> x.ruleId().equals("DQ-17"))
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.subtype()).isEqualTo("aboveRated"));
        assertThat(f)
                .filteredOn(x -> x.ruleId().equals("DQ-16"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("sameTimingAsProduction");
                    assertThat(a.key()).isEqualTo("T1");
                    assertThat(a.related()).containsExactly("P1");
                    assertThat(a.start()).isEqualTo(dayStart(0));
                    assertThat(a.raisedAt()).isEqualTo(dayStart(7));
                    assertThat((double) a.evidence().get("ratioCv")).isLessThan(0.001);
                });
        // and six days are still not enough
        assertThat(DayPlant.days(6)
                        .point("P1", PointKind.PROD, 10, 50)
                        .point("T1", PointKind.TREAT, 2, 20, 35, null)
                        .needs("P1", "T1")
                        .power("P1", DayWrongCircuitTest::production)
                        .power("T1", DayWrongCircuitTest::production)
                        .run(new ElectricalSanity(), new WrongCircuit()))
                .filteredOn(x -> x.ruleId().equals("DQ-16"))
                .isEmpty();
    }

    @Test
    void dq16aRatioCoefficientOfVariationJustBelowAndJustAbove() {
        assertThat(treatmentOnProductionCircuit(7, 0.019).run(new WrongCircuit()))
                .extracting(Finding::subtype)
                .containsExactly("sameTimingAsProduction");
        assertThat(treatmentOnProductionCircuit(7, 0.021).run(new WrongCircuit()))
                .isEmpty();
    }

    @Test
    void dq16aARealFanSwitchedWithProductionIsNotSuspect() {
        // same timing, but a constant 20 kW fan against a production load that varies
        List<Finding> f = treatmentOnProductionCircuit(7, 0)
                .power("T1", i -> production(i) > 0 ? 20 : 0)
                .run(new WrongCircuit());
        assertThat(f).isEmpty();
    }

    /** Production weekdays 08:00–18:00, idle on days 5 and 6 of each week; treatment at 20 kW around the clock. */
    private static DayPlant treatmentNeverOff(int days) {
        return DayPlant.days(days)
                .point("P1", PointKind.PROD, 10, 50)
                .point("T1", PointKind.TREAT, 2, 20)
                .needs("P1", "T1")
                .power("P1", i -> (i / 96) % 7 >= 5 ? 0 : production(i))
                .power("T1", i -> 20);
    }

    @Test
    void dq16bTreatmentNeverOffFor30DaysThroughProductionWeekends() {
        List<Finding> f = treatmentNeverOff(30).run(new WrongCircuit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("neverOff");
            assertThat(a.key()).isEqualTo("T1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.raisedAt()).isEqualTo(dayStart(30));
        });
        assertThat(treatmentNeverOff(29).run(new WrongCircuit())).isEmpty();
        // one OFF sample in the 30 days: not "never off"
        assertThat(treatmentNeverOff(30).power("T1", i -> i == 500 ? 0 : 20).run(new WrongCircuit()))
                .isEmpty();
    }

    @Test
    void dq16cPointAlwaysBelowTheFloorFor30Days() {
        DayPlant dead = DayPlant.days(30).point("X1", PointKind.INDIRECT, 1, 10).power("X1", i -> 0.19);
        assertThat(dead.run(new WrongCircuit())).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("alwaysBelowFloor");
            assertThat(a.evidence()).containsEntry("variant", "c");
        });
        assertThat(dead.power("X1", i -> i == 1000 ? 0.2 : 0.19).run(new WrongCircuit()))
                .isEmpty();
        assertThat(DayPlant.days(29)
                        .point("X1", PointKind.INDIRECT, 1, 10)
                        .power("X1", i -> 0.19)
                        .run(new WrongCircuit()))
                .isEmpty();
    }

    /** Row 29: P_on entered 70 kW, the machine runs at ≈ 15 kW {@code runningSamples} samples a day. */
    private static DayPlant pOnFarAboveLoad(int days, int runningSamples) {
        return DayPlant.days(days)
                .point("P1", PointKind.PROD, 70, Double.NaN)
                .power("P1", i -> i % 96 < runningSamples ? 15 : 0);
    }

    @Test
    void row29EnteredPOnFarAboveTheRealLoadFor30DaysIsDq16d() {
        List<Finding> f = pOnFarAboveLoad(30, 64).run(new WrongCircuit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("pOnAboveLoad");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.raisedAt()).isEqualTo(dayStart(30));
            assertThat(a.evidence()).containsEntry("pOnKw", 70.0).containsEntry("maxKw", 15.0);
        });
        assertThat(pOnFarAboveLoad(29, 64).run(new WrongCircuit())).isEmpty();
    }

    @Test
    void dq16dNeedsHalfTheSamplesAtOrAboveTheFloorAndNeverReachingPOn() {
        assertThat(pOnFarAboveLoad(30, 48).run(new WrongCircuit()))
                .extracting(Finding::subtype)
                .containsExactly("pOnAboveLoad");
        assertThat(pOnFarAboveLoad(30, 47).run(new WrongCircuit())).isEmpty();
        assertThat(pOnFarAboveLoad(30, 64)
                        .power("P1", i -> i == 1500 ? 70 : i % 96 < 64 ? 15 : 0)
                        .run(new WrongCircuit()))
                .isEmpty();
    }

    @Test
    void dq16dEnteredPOnAboveTheReference() {
        List<Finding> f = DayPlant.days(1)
                .point("P1", PointKind.PROD, 70, 15)
                .power("P1", i -> 15)
                .run(new WrongCircuit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("pOnAboveReference");
            assertThat(a.raisedAt()).isEqualTo(dayStart(1));
        });
        assertThat(DayPlant.days(1)
                        .point("P1", PointKind.PROD, 15, 15)
                        .power("P1", i -> 15)
                        .run(new WrongCircuit()))
                .isEmpty();
    }

    @Test
    void theDaysTheHeuristicsNeedAreConfiguration() {
        RuleConfig week = RuleConfig.of(cfg("dq.neverOffDays", "7"));
        assertThat(pOnFarAboveLoad(7, 64).run(week, new WrongCircuit()))
                .extracting(Finding::subtype)
                .containsExactly("pOnAboveLoad");
    }
}
