package io.pollwatt.platform.rules.dq.day;

import static io.pollwatt.platform.rules.dq.day.DayPlant.at;
import static io.pollwatt.platform.rules.dq.day.DayPlant.dayStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Finding;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DQ-18, DQ-20 (register, intervals and the device's own totals) and day close. */
class DayTimeAndRegisterTest {

    private static DayPlant plant() {
        return DayPlant.days(1).point("P1", PointKind.PROD, 5, 50).power("P1", i -> 20);
    }

    @Test
    void dq18RecordsOnNoGridInstantAreOneFindingPerDay() {
        List<Finding> f = plant().rawPower("P1", at(10).plusMinutes(5), "20")
                .rawPower("P1", at(30).plusMinutes(5), "20")
                .rawPower("P1", at(50).plusMinutes(2), "20") // within the tolerance: an identical resend
                .run(new TimeStamps());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-18");
            assertThat(a.subtype()).isEqualTo("notSnappable");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.end()).isEqualTo(dayStart(1));
            assertThat(a.raisedAt()).isEqualTo(dayStart(1));
            assertThat(a.evidence()).containsEntry("count", 2);
        });
    }

    @Test
    void dq18ASecondDifferentRecordForOneInstantIsAConflictingDuplicate() {
        assertThat(plant().rawPower("P1", at(20), "20").run(new TimeStamps())).isEmpty();
        assertThat(plant().rawPower("P1", at(20), "21").run(new TimeStamps()))
                .extracting(Finding::subtype)
                .containsExactly("conflictingDuplicate");
    }

    @Test
    void dq18WaitsForTheDayToCloseByDataOrByTheOfflineDeclaration() {
        DayPlant open = plant().withoutClosingReading()
                .power("P1", i -> i == 95 ? Double.NaN : 20)
                .rawPower("P1", at(10).plusMinutes(5), "20");
        assertThat(open.now(dayStart(1)).run(new TimeStamps())).isEmpty();
        // dq.offlineMin after 24:00 the missing records are declared offline: the day closes
        assertThat(open.now(dayStart(1).plusMinutes(30)).run(new TimeStamps()))
                .extracting(Finding::subtype)
                .containsExactly("notSnappable");
    }

    /** A DTU whose records from sample 40 to 47 are stamped {@code lead} after they reach the platform. */
    private static DayPlant clockAhead(java.time.Duration lead) {
        DayPlant p = plant().dtu("MN1");
        for (int k = 0; k < 96; k++) {
            LocalDateTime received = at(k).plusSeconds(3);
            p.received(k >= 40 && k < 48 ? received.plus(lead) : received.minusSeconds(3), received);
        }
        return p;
    }

    @Test
    void dq18FutureRecordsStampedMoreThanTheToleranceAfterTheirReceiptJustBelowAndJustAbove() {
        // dq.futureToleranceMin 5: a lead of exactly 5 minutes is not "more than"
        assertThat(clockAhead(java.time.Duration.ofMinutes(5)).run(new TimeStamps()))
                .isEmpty();
        List<Finding> f =
                clockAhead(java.time.Duration.ofMinutes(5).plusSeconds(1)).run(new TimeStamps());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-18");
            assertThat(a.subtype()).isEqualTo("future");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.raisedAt()).isEqualTo(at(40));
            // closed by the first record received after them that is not ahead: sample 48's
            assertThat(a.end()).isEqualTo(at(48));
            assertThat(a.evidence())
                    .containsEntry("count", 8)
                    .containsEntry(
                            "firstDataTime",
                            at(40).plusSeconds(3).plusMinutes(5).plusSeconds(1).toString());
        });
    }

    @Test
    void dq18FutureDoesNotDependOnWhenTheEvaluationRuns() {
        // §10 row 26 and the TD39 outline: a DTU 15 minutes fast, judged right at the receipt of its first record
        // ahead, or hours later: the same finding (it was judged against the evaluation's clock, and raced)
        java.time.Duration lead = java.time.Duration.ofMinutes(15);
        List<Finding> atOnce = clockAhead(lead).now(at(40).plusSeconds(3)).run(new TimeStamps());
        List<Finding> later = clockAhead(lead).now(dayStart(1)).run(new TimeStamps());
        assertThat(later).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("future");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.evidence()).containsEntry("maxLeadMin", 15.0);
        });
        assertThat(atOnce).isEqualTo(later);
        // a DTU still ahead at its latest record: the episode is open
        DayPlant stillAhead = plant().dtu("MN1").received(at(95).plus(lead), at(95));
        assertThat(stillAhead.run(new TimeStamps()))
                .singleElement()
                .satisfies(a -> assertThat(a.open()).isTrue());
    }

    @Test
    void dq18FutureNeedsTheReceiptTimesOfTheDevice() {
        // without a DTU (no receipts) nothing is judged "after receipt", whatever the evaluation's clock says
        assertThat(plant().now(dayStart(1).minusMinutes(30)).run(new TimeStamps()))
                .isEmpty();
    }

    @Test
    void dq20IntervalTotalsAboveTheRegisterByMoreThanTwoSteps() {
        assertThat(plant().intervals("P1").intervalExtra("P1", 5, "0.02").run(new RegisterIntervalMismatch()))
                .isEmpty();
        List<Finding> f = plant().intervals("P1").intervalExtra("P1", 5, "0.03").run(new RegisterIntervalMismatch());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-20");
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.end()).isEqualTo(dayStart(1));
            assertThat(a.evidence().get("hours").toString()).contains("2026-03-02T01:00");
        });
    }

    @Test
    void dq20IntervalTotalsBelowTheRegisterWhenAllOfThemCame() {
        assertThat(plant().intervals("P1").intervalExtra("P1", 5, "-0.03").run(new RegisterIntervalMismatch()))
                .extracting(Finding::ruleId)
                .containsExactly("DQ-20");
        assertThat(plant().intervals("P1").run(new RegisterIntervalMismatch())).isEmpty();
    }

    @Test
    void dq20DeviceHourlyTotalMoreThanTwoStepsFromThePlatformsHour() {
        // 20 kW: E_H = 20.00 kWh; tolerance 2 × 0.01 kWh
        assertThat(plant().deviceHourly("P1", dayStart(0).plusHours(3), "20.02").run(new DeviceTotalsMismatch()))
                .isEmpty();
        assertThat(plant().deviceHourly("P1", dayStart(0).plusHours(3), "19.98").run(new DeviceTotalsMismatch()))
                .isEmpty();
        List<Finding> f =
                plant().deviceHourly("P1", dayStart(0).plusHours(3), "19.97").run(new DeviceTotalsMismatch());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-20");
            assertThat(a.key()).isEqualTo("P1/deviceTotals");
            assertThat(a.subtype()).isEqualTo("deviceHourly");
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.start()).isEqualTo(dayStart(0));
            assertThat(a.end()).isEqualTo(dayStart(1));
            assertThat(a.raisedAt()).isEqualTo(dayStart(1));
            assertThat(a.evidence().get("hours").toString())
                    .contains("2026-03-02T03:00")
                    .contains("deviceKwh=19.97")
                    .contains("platformKwh=20.00");
            assertThat(a.evidence()).doesNotContainKey("day");
        });
    }

    @Test
    void dq20DeviceDailyTotalMoreThanTwoStepsFromThePlatformsDay() {
        // E_D = 24 × 20.00 kWh
        assertThat(plant().deviceDaily("P1", DayPlant.FIRST, "480.02").run(new DeviceTotalsMismatch()))
                .isEmpty();
        List<Finding> f = plant().deviceDaily("P1", DayPlant.FIRST, "480.03")
                .deviceHourly("P1", dayStart(0).plusHours(5), "20.50")
                .run(new DeviceTotalsMismatch());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("deviceDaily");
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence().get("day").toString())
                    .contains("deviceKwh=480.03")
                    .contains("platformKwh=480.00");
            assertThat(a.evidence().get("hours").toString()).contains("2026-03-02T05:00");
        });
    }

    @Test
    void dq20NoDeviceTotalNoComparison() {
        assertThat(plant().run(new DeviceTotalsMismatch())).isEmpty();
        // a total for another hour is no total for this one
        assertThat(plant().intervals("P1")
                        .intervalExtra("P1", 5, "0.03")
                        .deviceHourly("P1", dayStart(0).plusHours(4), "20.00")
                        .run(new DeviceTotalsMismatch()))
                .isEmpty();
    }

    @Test
    void dq20DeviceTotalsAreNotComparedWithPartialEnergy() {
        // the reading at 02:00 is missing: the hours 01:00 and 02:00 are partial
        DayPlant gap = plant().power("P1", i -> i == 8 ? Double.NaN : 20)
                .deviceHourly("P1", dayStart(0).plusHours(1), "30.00")
                .deviceHourly("P1", dayStart(0).plusHours(2), "30.00");
        assertThat(gap.run(new DeviceTotalsMismatch())).isEmpty();
        assertThat(gap.deviceHourly("P1", dayStart(0).plusHours(3), "30.00").run(new DeviceTotalsMismatch()))
                .extracting(Finding::subtype)
                .containsExactly("deviceHourly");
        // no 24:00 reading, declared offline: the day's energy is partial
        DayPlant open = plant().withoutClosingReading()
                .now(dayStart(1).plusHours(1))
                .deviceDaily("P1", DayPlant.FIRST, "500.00");
        assertThat(open.run(new DeviceTotalsMismatch())).isEmpty();
    }
}
