package io.pollwatt.platform.rules.alm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.voc.VocRules;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** ALM-05…09 and the §10 matrix rows 7, 8, 27 and 28 on recorded series. */
class ComplianceRulesTest {

    private static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    private static SiteArchive.ControlPeriod period(SiteArchive.ControlKind kind, int from, int to) {
        return new SiteArchive.ControlPeriod(kind, at(from), at(to), OptionalDouble.empty(), List.of());
    }

    private static List<Rule> allRules() {
        List<Rule> all = new ArrayList<>(AlmRules.all());
        all.addAll(VocRules.all());
        return all;
    }

    // ALM-05

    /** P1: P_on 10, P_ref 50, so P_hi = state.highRatio · 50 = 55 kW. */
    private static EnterpriseFixture producer() {
        return EnterpriseFixture.day().prod("P1", 10, 50);
    }

    @Test
    void alm05OverLimitForThirtyMinutesFires() {
        List<Finding> f = producer().power("P1", "0x8 56x2 50x6 0x80").run(new OverLimit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-05");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(8));
            assertThat(a.raisedAt()).isEqualTo(at(9));
            assertThat(a.end()).isEqualTo(at(10));
            assertThat(a.level()).isEqualTo(3);
            assertThat((Double) a.evidence().get("pHiKw")).isCloseTo(55.0, within(1e-9));
        });
    }

    @Test
    void alm05ThresholdJustBelowAndJustAbove() {
        // one sample above P_hi is 15 min < alm.overLimitMinMin
        assertThat(producer().power("P1", "0x8 56 50x7 0x80").run(new OverLimit()))
                .isEmpty();
        // at P_hi is not above it
        assertThat(producer().power("P1", "0x8 55x8 0x80").run(new OverLimit())).isEmpty();
        RuleConfig longer = RuleConfig.of(Map.of("alm.overLimitMinMin", "45"));
        assertThat(producer().power("P1", "0x8 56x2 50x6 0x80").run(longer, new OverLimit()))
                .isEmpty();
        assertThat(producer().power("P1", "0x8 56x3 50x5 0x80").run(longer, new OverLimit()))
                .extracting(Finding::raisedAt)
                .containsExactly(at(10));
    }

    @Test
    void alm05UsesAnEnteredUpperLimit() {
        EnterpriseFixture f = EnterpriseFixture.day()
                .point(
                        "P1",
                        SiteArchive.PointKind.PROD,
                        new SiteArchive.Limits(
                                OptionalDouble.of(10),
                                OptionalDouble.of(50),
                                OptionalDouble.of(70),
                                OptionalDouble.empty()),
                        "3P4W",
                        200);
        assertThat(f.power("P1", "0x8 60x8 0x80").run(new OverLimit())).isEmpty();
        assertThat(f.power("P1", "0x8 71x8 0x80").run(new OverLimit()))
                .singleElement()
                .satisfies(a -> assertThat((Double) a.evidence().get("pHiKw")).isEqualTo(70.0));
    }

    // ALM-06 / ALM-08

    @Test
    void row7ProductionInsideAStopWindowIsAlm06AtLevel1() {
        // STOP 08:00–16:00, production 10:00–12:00
        List<Finding> f = producer()
                .control(period(SiteArchive.ControlKind.STOP, 32, 64))
                .power("P1", "0x40 50x8 0x48")
                .run(AlmRules.all().toArray(Rule[]::new));
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-06");
            assertThat(a.subtype()).isEqualTo("production");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.raisedAt()).isEqualTo(at(41));
            assertThat(a.end()).isEqualTo(at(48));
            assertThat(a.level()).isEqualTo(1);
            assertThat(a.evidence()).containsKeys("period", "production");
        });
    }

    @Test
    void alm06ThresholdJustBelowAndJustAbove() {
        SiteArchive.ControlPeriod stop = period(SiteArchive.ControlKind.STOP, 32, 64);
        assertThat(producer().control(stop).power("P1", "0x40 50 0x55").run(ProductionInStop.stop()))
                .isEmpty();
        assertThat(producer().control(stop).power("P1", "0x40 50x2 0x54").run(ProductionInStop.stop()))
                .extracting(Finding::raisedAt)
                .containsExactly(at(41));
        // running only before the window: nothing
        assertThat(producer().control(stop).power("P1", "0x24 50x8 0x64").run(ProductionInStop.stop()))
                .isEmpty();
    }

    @Test
    void alm06CountsOnlyTheWindowAfterTheGrace() {
        SiteArchive.ControlPeriod stop = period(SiteArchive.ControlKind.STOP, 32, 64);
        // production 07:30–09:00 goes on past the start: the episode starts with the window
        assertThat(producer().control(stop).power("P1", "0x30 50x6 0x60").run(ProductionInStop.stop()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.start()).isEqualTo(at(32));
                    assertThat(a.raisedAt()).isEqualTo(at(33));
                    assertThat(a.end()).isEqualTo(at(36));
                });
        RuleConfig grace30 = RuleConfig.of(Map.of("alm.controlGraceMin", "30"));
        assertThat(producer().control(stop).power("P1", "0x30 50x6 0x60").run(grace30, ProductionInStop.stop()))
                .extracting(Finding::start, Finding::raisedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(34), at(35)));
        RuleConfig grace45 = RuleConfig.of(Map.of("alm.controlGraceMin", "45"));
        assertThat(producer().control(stop).power("P1", "0x30 50x6 0x60").run(grace45, ProductionInStop.stop()))
                .isEmpty();
    }

    @Test
    void alm06OnlyForInScopeProduction() {
        SiteArchive.ControlPeriod onlyP2 = new SiteArchive.ControlPeriod(
                SiteArchive.ControlKind.STOP, at(32), at(64), OptionalDouble.empty(), List.of("P2"));
        assertThat(producer()
                        .prod("P2", 10, 50)
                        .control(onlyP2)
                        .power("P1", "0x40 50x8 0x48")
                        .power("P2", "0x96")
                        .run(ProductionInStop.stop()))
                .isEmpty();
    }

    @Test
    void alm08OffPeakWindowIsEvaluatedLikeAStop() {
        List<Finding> f = producer()
                .control(period(SiteArchive.ControlKind.OFF_PEAK, 32, 64))
                .power("P1", "0x40 50x8 0x48")
                .run(AlmRules.all().toArray(Rule[]::new));
        assertThat(f)
                .extracting(Finding::ruleId, Finding::subtype, Finding::level, Finding::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALM-08", "production", 1, at(40)));
    }

    /**
     * Two days: day 1 produces 08:00–18:00 with MAIN at 100 kW (else 10 kW), so B_MAIN = 100 kWh; day 2 is a STOP day
     * with production off and MAIN at {@code residualKw} for {@code hours} hours from 10:00.
     */
    private static EnterpriseFixture residual(double residualKw, int hours) {
        String main = "10x32 100x40 10x24 " + "10x40 " + residualKw + "x" + (4 * hours) + " 10x" + (56 - 4 * hours);
        return EnterpriseFixture.at(EnterpriseFixture.DAY, 192)
                .main("M", 1, 200)
                .prod("P1", 10, 100)
                .control(period(SiteArchive.ControlKind.STOP, 96, 192))
                .power("M", main)
                .power("P1", "0x32 80x40 0x24 0x96");
    }

    @Test
    void alm06MainResidualAboveTheShareOfBaselineForTwoHours() {
        List<Finding> f = residual(26, 2).run(ProductionInStop.stop());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-06");
            assertThat(a.subtype()).isEqualTo("mainResidual");
            assertThat(a.key()).isEqualTo("M");
            assertThat(a.points()).containsExactly("M");
            assertThat(a.start()).isEqualTo(at(136));
            assertThat(a.raisedAt()).isEqualTo(at(143)); // the second hour closes
            assertThat(a.end()).isEqualTo(at(144));
            assertThat(a.level()).isEqualTo(1);
            assertThat((Double) a.evidence().get("baselineMainKwh")).isCloseTo(100.0, within(1e-9));
            assertThat(a.evidence().get("baselineHours")).isEqualTo(10);
            assertThat((Double) a.evidence().get("limitKwh")).isCloseTo(25.0, within(1e-9));
            assertThat((Double) a.evidence().get("hourKwh")).isCloseTo(26.0, within(1e-9));
        });
    }

    @Test
    void alm06MainResidualThresholdJustBelowAndJustAbove() {
        assertThat(residual(25, 3).run(ProductionInStop.stop())).isEmpty(); // not above 0.25 · B_MAIN
        assertThat(residual(26, 1).run(ProductionInStop.stop())).isEmpty(); // one hour < alm.stopResidualHours
        RuleConfig three = RuleConfig.of(Map.of("alm.stopResidualHours", "3"));
        assertThat(residual(26, 2).run(three, ProductionInStop.stop())).isEmpty();
        assertThat(residual(26, 3).run(three, ProductionInStop.stop()))
                .extracting(Finding::raisedAt)
                .containsExactly(at(147));
    }

    @Test
    void alm06MainResidualIsSkippedWithoutABaselineHourInTheGrid() {
        // the STOP period starts with the grid: no baseline hour, B_MAIN unknown
        assertThat(EnterpriseFixture.day()
                        .main("M", 1, 200)
                        .prod("P1", 10, 100)
                        .control(period(SiteArchive.ControlKind.STOP, 0, 96))
                        .power("M", "100x96")
                        .power("P1", "0x96")
                        .run(ProductionInStop.stop()))
                .isEmpty();
    }

    // ALM-07

    /**
     * Three days; P1 (P_ref 100) produces 08:00–18:00 at 100 kW on days 1 and 2 (B = 100 kW); day 3 08:00–18:00 is a
     * LIMIT period with limitRatio 0.5 (allowed share: A = 50 kW, fires above 55 kW).
     */
    private static EnterpriseFixture limited(String day3) {
        return EnterpriseFixture.at(EnterpriseFixture.DAY, 288)
                .prod("P1", 10, 100)
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(224), at(264), OptionalDouble.of(0.5), List.of()))
                .power("P1", "0x32 100x40 0x24 0x32 100x40 0x24 " + day3);
    }

    @Test
    void row8ProductionAtEightyPercentDuringAFiftyPercentLimitIsAlm07() {
        List<Finding> f = limited("0x32 80x40 0x24").run(AlmRules.all().toArray(Rule[]::new));
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-07");
            assertThat(a.key()).isEqualTo("E1");
            assertThat(a.points()).containsExactly("P1");
            assertThat(a.start()).isEqualTo(at(224));
            assertThat(a.raisedAt()).isEqualTo(at(231)); // the second hour closes
            assertThat(a.end()).isEqualTo(at(264));
            assertThat(a.level()).isEqualTo(1);
            assertThat((Double) a.evidence().get("baselineKw")).isCloseTo(100.0, within(1e-9));
            assertThat(a.evidence().get("baselineHours")).isEqualTo(20);
            assertThat((Double) a.evidence().get("allowedKw")).isCloseTo(50.0, within(1e-9));
            assertThat((Double) a.evidence().get("limitKw")).isCloseTo(55.0, within(1e-9));
            assertThat((Double) a.evidence().get("hourMeanKw")).isCloseTo(80.0, within(1e-9));
        });
    }

    @Test
    void alm07ThresholdJustBelowAndJustAbove() {
        assertThat(limited("0x32 54.9x40 0x24").run(new LimitExceeded())).isEmpty();
        assertThat(limited("0x32 55.1x40 0x24").run(new LimitExceeded()))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-07");
        // one hour above, then within the allowed share: below alm.limitMinHours
        assertThat(limited("0x32 60x4 50x36 0x24").run(new LimitExceeded())).isEmpty();
        assertThat(limited("0x32 60x8 50x32 0x24").run(new LimitExceeded()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.start()).isEqualTo(at(224));
                    assertThat(a.end()).isEqualTo(at(232));
                });
    }

    @Test
    void alm07ReadsLimitRatioAsTheAllowedShareOfBaseline() {
        // limitRatio 0.7 = 70 % of B allowed (not a 70 % cut): A = 70 kW, fires above 77 kW
        EnterpriseFixture base = EnterpriseFixture.at(EnterpriseFixture.DAY, 288)
                .prod("P1", 10, 100)
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(224), at(264), OptionalDouble.of(0.7), List.of()));
        String baseline = "0x32 100x40 0x24 0x32 100x40 0x24 ";
        assertThat(base.power("P1", baseline + "0x32 76x40 0x24").run(new LimitExceeded()))
                .isEmpty();
        EnterpriseFixture again = EnterpriseFixture.at(EnterpriseFixture.DAY, 288)
                .prod("P1", 10, 100)
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(224), at(264), OptionalDouble.of(0.7), List.of()));
        assertThat(again.power("P1", baseline + "0x32 78x40 0x24").run(new LimitExceeded()))
                .singleElement()
                .satisfies(
                        a -> assertThat((Double) a.evidence().get("allowedKw")).isCloseTo(70.0, within(1e-9)));
    }

    @Test
    void alm07BaselineLeavesOutOtherControlPeriods() {
        // day 2 is a STOP day: the baseline is day 1 alone, at 60 kW, so A = 30 kW and 40 kW fires (limit 33)
        EnterpriseFixture f = EnterpriseFixture.at(EnterpriseFixture.DAY, 288)
                .prod("P1", 10, 100)
                .control(period(SiteArchive.ControlKind.STOP, 96, 192))
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(224), at(264), OptionalDouble.of(0.5), List.of()))
                .power("P1", "0x32 60x40 0x24 0x32 100x40 0x24 0x32 40x40 0x24");
        assertThat(f.run(new LimitExceeded())).singleElement().satisfies(a -> {
            assertThat((Double) a.evidence().get("baselineKw")).isCloseTo(60.0, within(1e-9));
            assertThat(a.evidence().get("baselineHours")).isEqualTo(10);
        });
    }

    @Test
    void alm07IsNotEvaluatedWithoutABaselineInTheGrid() {
        assertThat(EnterpriseFixture.day()
                        .prod("P1", 10, 100)
                        .control(new SiteArchive.ControlPeriod(
                                SiteArchive.ControlKind.LIMIT, at(32), at(72), OptionalDouble.of(0.5), List.of()))
                        .power("P1", "0x32 100x40 0x24")
                        .run(new LimitExceeded()))
                .isEmpty();
    }

    // ALM-09

    private static EnterpriseFixture dutyStandby(String t2) {
        return EnterpriseFixture.at(EnterpriseFixture.DAY, 192)
                .treat("T1", 2, 20)
                .treat("T2", 2, 20)
                .group("G", 1, "T1", "T2")
                .power("T1", "20x192")
                .power("T2", t2);
    }

    @Test
    void alm09StandbyNeverRunForTheConfiguredDaysIsAReminder() {
        RuleConfig oneDay = RuleConfig.of(Map.of("alm.standbyIdleDays", "1"));
        // T2 runs once at 23:45 on day 1: idle 95 samples before it (< 1 day), 96 after it
        assertThat(dutyStandby("0x95 20 0x96").run(oneDay, new StandbyIdle()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("ALM-09");
                    assertThat(a.subtype()).isEqualTo("standbyIdle");
                    assertThat(a.key()).isEqualTo("T2");
                    assertThat(a.start()).isEqualTo(at(96));
                    assertThat(a.raisedAt()).isEqualTo(at(191));
                    assertThat(a.open()).isTrue();
                    assertThat(a.level()).isEqualTo(3);
                });
        assertThat(dutyStandby("0x94 20 0x97").run(oneDay, new StandbyIdle()))
                .extracting(Finding::start)
                .containsExactly(at(95));
        assertThat(dutyStandby("0x90 20 0x89 20 0x11").run(oneDay, new StandbyIdle()))
                .isEmpty();
    }

    @Test
    void alm09NeedsTheGridToHoldTheIdleDays() {
        // default alm.standbyIdleDays = 30: two days of an idle standby say nothing yet
        assertThat(dutyStandby("0x192").run(new StandbyIdle())).isEmpty();
    }

    // rows 27 and 28

    private static EnterpriseFixture plantWithStack() {
        return EnterpriseFixture.day()
                .main("M", 1, 200)
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .stack("S1", List.of("P1"), List.of("T1"))
                .control(period(SiteArchive.ControlKind.STOP, 64, 80));
    }

    @Test
    void rows27And28NothingFromTheComplianceAndStackRules() {
        RuleConfig limit = RuleConfig.of(Map.of("voc.tvocLimit@E1", "60"));
        Rule[] rules = allRules().toArray(Rule[]::new);
        // 27: treatment running, production off
        assertThat(plantWithStack()
                        .power("M", "5x32 25x16 5x48")
                        .power("P1", "0x96")
                        .power("T1", "0x32 20x16 0x48")
                        .stackValue("S1", "VELOCITY", "0x32 6x16 0x48")
                        .stackValue("S1", "TVOC", "5x32 12x16 3x48")
                        .run(limit, rules))
                .isEmpty();
        // 28: both off
        assertThat(plantWithStack()
                        .power("M", "5x96")
                        .power("P1", "0x96")
                        .power("T1", "0x96")
                        .stackValue("S1", "VELOCITY", "0x96")
                        .stackValue("S1", "TVOC", "0x96")
                        .run(limit, rules))
                .isEmpty();
    }
}
