package io.pollwatt.platform.rules.dq.day;

import static io.pollwatt.platform.rules.dq.day.DayPlant.at;
import static io.pollwatt.platform.rules.dq.day.DayPlant.dayStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.SiteArchive.PointKind;
import io.pollwatt.platform.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DQ-18, DQ-20 and day close. */
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

    @Test
    void dq18RecordsStampedMoreThanTheToleranceAfterNow() {
        // the latest record is the 24:00 reading
        assertThat(plant().now(dayStart(1).minusMinutes(5)).run(new TimeStamps()))
                .isEmpty();
        List<Finding> f =
                plant().now(dayStart(1).minusMinutes(5).minusSeconds(1)).run(new TimeStamps());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("future");
            assertThat(a.start()).isEqualTo(dayStart(1));
            assertThat(a.open()).isTrue();
        });
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
}
