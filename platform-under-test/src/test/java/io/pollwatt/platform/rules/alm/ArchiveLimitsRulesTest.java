package io.pollwatt.platform.rules.alm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The rule parts that need archive data beyond V2: ALM-05 limits on I, U and PF, ALM-07 line mode and holidays,
 * ALM-01…04 suppression by an approved maintenance declaration (OP-03).
 */
class ArchiveLimitsRulesTest {

    private static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    private static final OptionalDouble NONE = OptionalDouble.empty();

    /** P1 (P_on 10, P_ref 50, no P_hi entered: 55 kW) with the given other limits; 50 kW, 400 V, PF 0.9 → I ≈ 80.19 A. */
    private static EnterpriseFixture limited(
            OptionalDouble iMax, OptionalDouble uMin, OptionalDouble uMax, OptionalDouble pfMin) {
        return EnterpriseFixture.day()
                .point(
                        "P1",
                        SiteArchive.PointKind.PROD,
                        new SiteArchive.Limits(OptionalDouble.of(10), OptionalDouble.of(50), NONE, NONE)
                                .withOther(iMax, uMin, uMax, pfMin),
                        "3P4W",
                        200);
    }

    // ALM-05, other quantities

    @Test
    void alm05PhaseCurrentJustBelowAndJustAboveIMax() {
        assertThat(limited(OptionalDouble.of(80.3), NONE, NONE, NONE)
                        .power("P1", "0x8 50x2 0x86")
                        .run(new OverLimit()))
                .isEmpty();
        List<Finding> f = limited(OptionalDouble.of(80.1), NONE, NONE, NONE)
                .power("P1", "0x8 50x2 0x86")
                .run(new OverLimit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-05");
            assertThat(a.subtype()).isEqualTo("iMax");
            assertThat(a.key()).isEqualTo("P1/iMax");
            assertThat(a.start()).isEqualTo(at(8));
            assertThat(a.raisedAt()).isEqualTo(at(9));
            assertThat(a.end()).isEqualTo(at(10));
            assertThat(a.evidence()).containsEntry("bound", "upper").containsEntry("iMaxA", 80.1);
        });
        // one sample (15 min) is below alm.overLimitMinMin
        assertThat(limited(OptionalDouble.of(80.1), NONE, NONE, NONE)
                        .power("P1", "0x8 50 0x87")
                        .run(new OverLimit()))
                .isEmpty();
    }

    @Test
    void alm05PhaseVoltageBelowUMinAndAboveUMax() {
        EnterpriseFixture low = limited(NONE, OptionalDouble.of(200), OptionalDouble.of(240), NONE)
                .power("P1", "0x96")
                .set("P1", 8, "UB", 200)
                .set("P1", 9, "UB", 200)
                .set("P1", 20, "UA", 240)
                .set("P1", 21, "UA", 240);
        assertThat(low.run(new OverLimit())).isEmpty(); // at a limit is not beyond it
        low.set("P1", 8, "UB", 199.9).set("P1", 9, "UB", 199.9);
        low.set("P1", 20, "UA", 240.1).set("P1", 21, "UA", 240.1);
        assertThat(low.run(new OverLimit()))
                .extracting(Finding::subtype, Finding::start, Finding::end)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("uMin", at(8), at(10)),
                        org.assertj.core.groups.Tuple.tuple("uMax", at(20), at(22)));
    }

    @Test
    void alm05PowerFactorBelowPfMinOnlyWhileRunning() {
        EnterpriseFixture f = limited(NONE, NONE, NONE, OptionalDouble.of(0.85))
                .power("P1", "0x8 50x2 0x86")
                .set("P1", 8, "PF", 0.85)
                .set("P1", 9, "PF", 0.85)
                .set("P1", 40, "PF", 0.1)
                .set("P1", 41, "PF", 0.1); // idle: PF says nothing
        assertThat(f.run(new OverLimit())).isEmpty();
        f.set("P1", 8, "PF", 0.849).set("P1", 9, "PF", 0.849);
        assertThat(f.run(new OverLimit())).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("pfMin");
            assertThat(a.start()).isEqualTo(at(8));
        });
    }

    @Test
    void alm05KeepsPHighBesideTheOtherLimits() {
        List<Finding> f = limited(OptionalDouble.of(1000), NONE, NONE, NONE)
                .power("P1", "0x8 56x2 50x6 0x80")
                .run(new OverLimit());
        assertThat(f).extracting(Finding::subtype).containsExactly("pHigh");
    }

    // ALM-07 line mode

    /** Three production lines; LIMIT 08:00–16:00 allowing {@code lines} of them, no limitRatio (no baseline test). */
    private static EnterpriseFixture lines(int lines) {
        return EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .prod("P2", 10, 50)
                .prod("P3", 10, 50)
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(32), at(64), NONE, List.of(), OptionalInt.of(lines)));
    }

    @Test
    void alm07LineModeJustBelowAndJustAbove() {
        // two lines run all day, the third 10:00–10:30 (two samples = alm.stopPeriodMinMin)
        String third = "0x40 50x2 0x54";
        assertThat(lines(3).power("P1", "50x96")
                        .power("P2", "50x96")
                        .power("P3", third)
                        .run(new LimitExceeded()))
                .isEmpty();
        assertThat(lines(2).power("P1", "50x96")
                        .power("P2", "50x96")
                        .power("P3", "0x40 50 0x55")
                        .run(new LimitExceeded()))
                .isEmpty();
        List<Finding> f = lines(2).power("P1", "50x96")
                .power("P2", "50x96")
                .power("P3", third)
                .run(new LimitExceeded());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-07");
            assertThat(a.subtype()).isEqualTo("lineMode");
            assertThat(a.key()).isEqualTo("E1/lineMode");
            assertThat(a.points()).containsExactly("P1", "P2", "P3");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.raisedAt()).isEqualTo(at(41));
            assertThat(a.end()).isEqualTo(at(42));
            assertThat(a.level()).isEqualTo(1);
            assertThat(a.evidence()).containsEntry("allowedLines", 2).containsEntry("runningLines", 3);
        });
        // outside the period three lines may run
        assertThat(lines(2).power("P1", "50x96")
                        .power("P2", "50x96")
                        .power("P3", "0x70 50x4 0x22")
                        .run(new LimitExceeded()))
                .isEmpty();
    }

    // ALM-07 / ALM-06 baseline: holidays

    @Test
    void alm07BaselineLeavesOutHolidays() {
        // day 2 (2026-03-03) is a holiday: the baseline is day 1 alone, at 60 kW, so A = 30 kW and 40 kW fires
        EnterpriseFixture f = EnterpriseFixture.at(EnterpriseFixture.DAY, 288)
                .prod("P1", 10, 100)
                .control(new SiteArchive.ControlPeriod(
                        SiteArchive.ControlKind.LIMIT, at(224), at(264), OptionalDouble.of(0.5), List.of()))
                .power("P1", "0x32 60x40 0x24 0x32 100x40 0x24 0x32 40x40 0x24");
        RuleConfig holiday = RuleConfig.of(Map.of("alm.holidays", "2026-03-03, 2026-05-01"));
        assertThat(f.run(holiday, new LimitExceeded())).singleElement().satisfies(a -> {
            assertThat((Double) a.evidence().get("baselineKw")).isCloseTo(60.0, within(1e-9));
            assertThat(a.evidence().get("baselineHours")).isEqualTo(10);
        });
        // without the holiday B = 80 kW, A = 40 kW: 40 kW is within the allowed share
        assertThat(f.run(new LimitExceeded())).isEmpty();
    }

    @Test
    void holidaysAreIsoDates() {
        assertThat(RuleConfig.defaults().forEnterprise("E1").holidays()).isEmpty();
        assertThat(RuleConfig.of(Map.of("alm.holidays", "2026-10-01,2026-10-02"))
                        .forEnterprise("E1")
                        .holidays())
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThatThrownBy(() -> RuleConfig.of(Map.of("alm.holidays", "2026-13-01")))
                .hasMessageContaining("alm.holidays");
    }

    // ALM-01…04: maintenance declarations (OP-03)

    private static final Rule[] ASSOCIATION = {
        new TreatmentNotRunning(), LateStart.lateStart(), LateStart.earlyStop(), new TreatmentUnderloaded()
    };

    /** P1 runs 02:00–12:00; treatment T1 is off 04:00–06:00. */
    private static EnterpriseFixture treatmentOff() {
        return EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("P1", "0x8 50x40 0x48")
                .power("T1", "0x8 20x8 0x8 20x24 0x48");
    }

    @Test
    void anApprovedMaintenanceWindowSuppressesAlm01() {
        assertThat(treatmentOff().run(ASSOCIATION)).extracting(Finding::ruleId).containsExactly("ALM-01");
        assertThat(treatmentOff().maintenance("T1", 16, 24, true).run(ASSOCIATION))
                .isEmpty();
        // an unapproved declaration changes nothing
        assertThat(treatmentOff().maintenance("T1", 16, 24, false).run(ASSOCIATION))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-01");
        // a window that ends one sample early leaves one sample: below ALM-01's duration, no ALM-01
        assertThat(treatmentOff().maintenance("T1", 16, 23, true).run(ASSOCIATION))
                .extracting(Finding::ruleId)
                .doesNotContain("ALM-01");
        // a window for another group suppresses nothing
        assertThat(treatmentOff().maintenance("G9", 16, 24, true).run(ASSOCIATION))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-01");
    }
}
