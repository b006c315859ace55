package io.pollwatt.platform.rules.dq.day;

import static io.pollwatt.platform.rules.dq.day.DayPlant.at;
import static io.pollwatt.platform.rules.dq.day.DayPlant.cfg;
import static io.pollwatt.platform.rules.dq.day.DayPlant.dayStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * DQ-07, DQ-09, DQ-10 and DQ-13 on one point (400 V, CT 200/5: S_rated 138.56 kVA, physical cap 41.57 kWh per
 * 15-minute step and 3 990.65 kWh per day at the default factor 1.2), and the §10 rows 17–20.
 */
class DayEnergyRulesTest {

    private static DayPlant prod(int days, double kw) {
        return DayPlant.days(days).point("P1", PointKind.PROD, 5, 50).power("P1", i -> kw);
    }

    @Test
    void dq07RegisterStepDownByOneDigitIsJitterByTwoIsNegativeEnergy() {
        assertThat(prod(1, 0).registerAt("P1", 40, "999.99").run(new NegativeEnergy()))
                .isEmpty();
        List<Finding> f = prod(1, 0).registerAt("P1", 40, "999.98").run(new NegativeEnergy());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-07");
            assertThat(a.subtype()).isEqualTo("registerStep");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(39));
            assertThat(a.end()).isEqualTo(at(40));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence().get("deltaKwh").toString()).isEqualTo("-0.02");
        });
    }

    @Test
    void dq07AnHourThatFallsByMoreThanOneDigitInJitterStepsIsHourNegative() {
        // two steps of −0.01 each: neither is a negative step, the hour's energy is −0.02
        List<Finding> f = prod(1, 0)
                .registerAt("P1", 41, "999.99")
                .registerAt("P1", 42, "999.98")
                .run(new NegativeEnergy());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("hourNegative");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.end()).isEqualTo(at(44));
        });
        assertThat(prod(1, 0).registerAt("P1", 41, "999.99").run(new NegativeEnergy()))
                .isEmpty();
    }

    @Test
    void row13ARegisterCountingDownForTwoHoursIsOneEpisodeNotOneAlarmPerStep() {
        // a combined-energy meter behind reversed CTs: −20 kW from sample 40 to 47, the register falls 5 kWh a step
        List<Finding> f =
                prod(1, 0).power("P1", i -> i >= 40 && i < 48 ? -20 : 20).run(new NegativeEnergy());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("registerStep");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.raisedAt()).isEqualTo(at(41));
            assertThat(a.end()).isEqualTo(at(48));
            assertThat(a.evidence()).containsEntry("steps", 8);
            assertThat(a.evidence().get("deltaKwh").toString()).isEqualTo("-40.00");
        });
        // the device's negative interval totals of the same steps are the same episode, not a second alarm
        assertThat(prod(1, 0)
                        .intervals("P1")
                        .power("P1", i -> i >= 40 && i < 48 ? -20 : 20)
                        .run(new NegativeEnergy()))
                .extracting(Finding::subtype)
                .containsExactly("registerStep");
        // two runs apart are two episodes
        assertThat(prod(1, 0)
                        .power("P1", i -> (i >= 40 && i < 44) || (i >= 60 && i < 62) ? -20 : 20)
                        .run(new NegativeEnergy()))
                .extracting(Finding::start)
                .containsExactly(at(40), at(60));
    }

    @Test
    void row18MeterReplacedRegisterRestartsAtZeroIsDq07Only() {
        List<Finding> f = prod(1, 20).registerAt("P1", 40, "0.00").runAll();
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-07");
            assertThat(a.subtype()).isEqualTo("registerStep");
            assertThat(a.start()).isEqualTo(at(39));
            assertThat(a.end()).isEqualTo(at(40));
        });
    }

    @Test
    void row19RolloverAtTheMaximumIsNothing() {
        // 999 990 + 5 + 5 wraps: 999 995.00 → 0.00 is 5 kWh across the wrap
        List<Finding> f = prod(1, 20)
                .registerStart("P1", "999990.00")
                .registerAt("P1", 2, "0.00")
                .runAll();
        assertThat(f).isEmpty();
    }

    @Test
    void row20RegisterJumpOf50000KwhIsDq13Dq09AndDq10ByThePhysicalCap() {
        List<Finding> f = prod(1, 20).addEnergy("P1", 40, "50000").runAll();
        assertThat(f).extracting(Finding::ruleId).containsExactlyInAnyOrder("DQ-09", "DQ-10", "DQ-13");
        Finding dq10 =
                f.stream().filter(a -> a.ruleId().equals("DQ-10")).findFirst().orElseThrow();
        assertThat(dq10.subtype()).isEqualTo("physicalCap");
        assertThat(dq10.evidence().get("capsFired")).isEqualTo(List.of("physical"));
        assertThat(dq10.start()).isEqualTo(dayStart(0));
        assertThat(dq10.end()).isEqualTo(dayStart(1));
        assertThat(dq10.raisedAt()).isEqualTo(dayStart(1));
        Finding dq13 =
                f.stream().filter(a -> a.ruleId().equals("DQ-13")).findFirst().orElseThrow();
        assertThat(dq13.subtype()).isEqualTo("physicalCap");
        assertThat(dq13.start()).isEqualTo(at(40));
        assertThat(dq13.end()).isEqualTo(at(41));
        Finding dq09 =
                f.stream().filter(a -> a.ruleId().equals("DQ-09")).findFirst().orElseThrow();
        assertThat(dq09.subtype()).isEqualTo("aboveMaxPower");
        assertThat((double) dq09.evidence().get("limitKwh")).isEqualTo(500.0); // 25 h × 20 kW
    }

    @Test
    void row17RatioAppliedTwiceOnASubMeterIsDq10PhysicalCapAndDq11NotDq09() {
        // true 50 kW read 40× (200/5 applied twice) in power and energy; MAIN on a 2000/5 CT carries 100 kW
        List<Finding> f = ratioAppliedTwiceOnASubMeter();
        assertThat(f).extracting(Finding::ruleId).contains("DQ-10", "DQ-11").doesNotContain("DQ-09");
        assertThat(f)
                .filteredOn(a -> a.ruleId().equals("DQ-10"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("P1");
                    assertThat(a.subtype()).isEqualTo("physicalCap");
                });
    }

    /** True 50 kW read 40× (200/5 applied twice) in power and energy all day; MAIN on a 2000/5 CT carries 100 kW. */
    private static List<Finding> ratioAppliedTwiceOnASubMeter() {
        return DayPlant.days(1)
                .point("M1", PointKind.MAIN, 10, 100, 2000, null)
                .point("P1", PointKind.PROD, 5, 50)
                .power("M1", i -> 100)
                .power("P1", i -> 50 * 40)
                .runAll();
    }

    @Test
    void dq13SustainedExcessIsOneEpisodeNotOneFindingPerInterval() {
        // a sub-meter read 40× all day: every step is above the physical cap, one after another
        List<Finding> f = ratioAppliedTwiceOnASubMeter();
        assertThat(f)
                .filteredOn(a -> a.ruleId().equals("DQ-13"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("physicalCap");
                    assertThat((int) a.evidence().get("steps")).isGreaterThan(1);
                    assertThat(a.end()).isAfter(a.start().plusHours(1));
                });
    }

    @Test
    void dq09EnergyJustAtAndJustAbove25HoursOfPeakPower() {
        // 10 kW all day: 240 kWh; the limit is 25 h × 10 kW = 250 kWh
        assertThat(prod(1, 10).addEnergy("P1", 40, "10.00").run(new EnergyPowerMismatch()))
                .isEmpty();
        List<Finding> f = prod(1, 10).addEnergy("P1", 40, "10.01").run(new EnergyPowerMismatch());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-09");
            assertThat(a.subtype()).isEqualTo("aboveMaxPower");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.end()).isEqualTo(dayStart(1));
            assertThat(a.raisedAt()).isEqualTo(dayStart(1));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence().get("dayKwh").toString()).isEqualTo("250.01");
        });
        // the strict option of conflict C-1: 24 h
        RuleConfig strict = RuleConfig.of(cfg("dq.energyPowerMaxHours", "24"));
        assertThat(prod(1, 10).addEnergy("P1", 40, "0.01").run(strict, new EnergyPowerMismatch()))
                .extracting(Finding::ruleId)
                .containsExactly("DQ-09");
    }

    @Test
    void dq09PeakAtTheFloorIsHeldAgainst24HoursOfTheFloor() {
        // 0.2 kW (= P_floor) all day: 4.80 kWh = 24 h × P_floor
        assertThat(prod(1, 0.2).run(new EnergyPowerMismatch())).isEmpty();
        assertThat(prod(1, 0.2).addEnergy("P1", 10, "0.01").run(new EnergyPowerMismatch()))
                .singleElement()
                .satisfies(a -> assertThat(a.subtype()).isEqualTo("belowFloor"));
    }

    @Test
    void dq09SkipsAnInvalidDay() {
        // 10 kW with two of every four records missing: no hour valid, the day invalid, its energy still complete
        List<Finding> f = DayPlant.days(1)
                .point("P1", PointKind.PROD, 5, 50)
                .power("P1", i -> i % 4 < 2 ? 10 : Double.NaN)
                .addEnergy("P1", 0, "500")
                .run(new EnergyPowerMismatch());
        assertThat(f).isEmpty();
    }

    @Test
    void dq10PhysicalCapJustBelowAndJustAbove() {
        // 1.2 × 24 h × 138.564 kVA = 3 990.645 kWh
        assertThat(prod(1, 10).addEnergy("P1", 40, "3750.64").run(new LargeEnergy()))
                .isEmpty();
        assertThat(prod(1, 10).addEnergy("P1", 40, "3750.65").run(new LargeEnergy()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("physicalCap");
                    assertThat((double) a.evidence().get("physicalCapKwh")).isCloseTo(3990.645, within());
                });
    }

    @Test
    void dq10TypeCapsDependOnThePointType() {
        RuleConfig caps = RuleConfig.of(cfg("dq.energyCapOtherKwh", "1000", "dq.energyCapMainKwh", "2000"));
        assertThat(prod(1, 10).addEnergy("P1", 40, "760.00").run(caps, new LargeEnergy()))
                .isEmpty();
        assertThat(prod(1, 10).addEnergy("P1", 40, "760.01").run(caps, new LargeEnergy()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("typeCap");
                    assertThat(a.evidence().get("capsFired")).isEqualTo(List.of("type"));
                });
        // 1 500 kWh on MAIN (CT 1000/5) is under the MAIN cap, though above the other points' cap
        List<Finding> main = DayPlant.days(1)
                .point("M1", PointKind.MAIN, 10, 100, 1000, null)
                .power("M1", i -> 62.5)
                .run(caps, new LargeEnergy());
        assertThat(main).isEmpty();
    }

    @Test
    void dq13PhysicalCapPerStepJustBelowAndJustAbove() {
        assertThat(prod(1, 0).addEnergy("P1", 40, "41.56").run(new ReadingJump()))
                .isEmpty();
        assertThat(prod(1, 0).addEnergy("P1", 40, "41.57").run(new ReadingJump()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("DQ-13");
                    assertThat(a.subtype()).isEqualTo("physicalCap");
                    assertThat(a.start()).isEqualTo(at(40));
                    assertThat(a.raisedAt()).isEqualTo(at(41));
                });
    }

    @Test
    void dq13MedianTestOverThePrecedingRunSamples() {
        // 10 kW running: 2.5 kWh per step; the median test needs > 10 × 2.5 = 25 kWh and > 2 × 0.25 h × 10 kW
        assertThat(prod(2, 10).addEnergy("P1", 136, "22.50").run(new ReadingJump()))
                .isEmpty();
        assertThat(prod(2, 10).addEnergy("P1", 136, "22.51").run(new ReadingJump()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("median");
                    assertThat(a.start()).isEqualTo(at(136));
                    assertThat(a.evidence().get("medianRunKwh")).isEqualTo(2.5);
                });
    }

    @Test
    void dq13MedianTestAlsoNeedsTwiceTheEnergyOfThePeakPower() {
        RuleConfig factor1 = RuleConfig.of(cfg("dq.jumpMedianFactor", "1"));
        // 2 × 0.25 h × 10 kW = 5 kWh
        assertThat(prod(2, 10).addEnergy("P1", 136, "2.50").run(factor1, new ReadingJump()))
                .isEmpty();
        assertThat(prod(2, 10).addEnergy("P1", 136, "2.51").run(factor1, new ReadingJump()))
                .extracting(Finding::subtype)
                .containsExactly("median");
    }

    @Test
    void dq13MedianCountsOnlyRunSamples() {
        // the point was OFF (below P_on 5 kW) all the first day: when it starts, no RUN median to hold a step against
        DayPlant started = DayPlant.days(2)
                .point("P1", PointKind.PROD, 5, 50)
                .power("P1", i -> i < 96 ? 1 : 10)
                .addEnergy("P1", 96, "30");
        assertThat(started.run(new ReadingJump())).isEmpty();
        // four RUN samples later the same step is out of proportion
        assertThat(started.addEnergy("P1", 100, "30").run(new ReadingJump()))
                .extracting(Finding::start)
                .containsExactly(at(100));
    }

    @Test
    void aDayFindingInsideAControlPeriodIsLevel1() {
        List<Finding> f = prod(1, 10)
                .addEnergy("P1", 40, "10.01")
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.STOP, at(30), at(50), OptionalDouble.empty(), List.of()))
                .run(new EnergyPowerMismatch());
        assertThat(f).singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(1));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }
}
