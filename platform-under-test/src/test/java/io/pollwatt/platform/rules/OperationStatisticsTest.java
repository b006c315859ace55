package io.pollwatt.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.OperatingState;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ST-09 per point, per treatment group (ST-08) and the synchronous-operation rate, over a warm-up day and a day. */
class OperationStatisticsTest {

    private static final LocalDate DAY = EnterpriseFixture.DAY.toLocalDate();
    private static final String WARM_UP = "0x96 ";

    /** A warm-up day (2026-03-01) and the judged day (2026-03-02). */
    private static EnterpriseFixture twoDays() {
        return EnterpriseFixture.at(EnterpriseFixture.DAY.minusDays(1), 192);
    }

    private static OperationStatistics.Day day(EnterpriseFixture f) {
        RuleConfig.Values v = RuleConfig.defaults().forEnterprise("E1");
        List<OperationStatistics.Day> days = OperationStatistics.of(new Evaluation(f.build(v), v), DAY, DAY);
        assertThat(days)
                .singleElement()
                .extracting(OperationStatistics.Day::day)
                .isEqualTo(DAY);
        return days.get(0);
    }

    private static OperationStatistics.GroupDay group(OperationStatistics.Day d, String id) {
        return d.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private static OperationStatistics.PointDay point(OperationStatistics.Day d, String id) {
        return d.points().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** P1 (P_on 10, P_ref 50) produces 02:00-12:00 (40 samples). */
    private static EnterpriseFixture plant(String t1) {
        return twoDays()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("P1", WARM_UP + "0x8 50x40 0x48")
                .power("T1", WARM_UP + t1);
    }

    @Test
    void primaryBackupSwitchOverCountsAsSynchronous() {
        // T1 runs 02:00-07:00, T2 from 07:15: the one OFF sample at 07:00 is a switch-over (ALM-09)
        OperationStatistics.Day d = day(twoDays()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .treat("T2", 2, 20)
                .group("G", 1, "T1", "T2")
                .needs("P1", "G")
                .power("P1", WARM_UP + "0x8 50x40 0x48")
                .power("T1", WARM_UP + "0x8 20x20 0x68")
                .power("T2", WARM_UP + "0x29 20x19 0x48"));

        assertThat(d.synchronousRate().synchronousSamples()).isEqualTo(40);
        assertThat(d.synchronousRate().productionSamples()).isEqualTo(40);
        assertThat(d.synchronousRate().rate()).hasValue(1.0);
        OperationStatistics.GroupDay g = group(d, "G");
        assertThat(g.members()).containsExactly("T1", "T2");
        assertThat(g.required()).isEqualTo(1);
        assertThat(g.statistics().runningHours()).isEqualTo(10.0);
        assertThat(g.statistics().starts()).isEqualTo(1);
        assertThat(g.statistics().stops()).isEqualTo(1);
        assertThat(g.statistics().loadRate()).isEmpty();
        assertThat(g.compactStates()).isEqualTo("O".repeat(8) + "R".repeat(40) + "O".repeat(48));
        assertThat(d.groups()).extracting(OperationStatistics.GroupDay::id).containsExactly("G");
        // the members themselves: T1 5 h, T2 4.75 h, one start and stop each
        assertThat(point(d, "T1").statistics().runningHours()).isEqualTo(5.0);
        assertThat(point(d, "T2").statistics().runningHours()).isEqualTo(4.75);
        assertThat(point(d, "T2").statistics().starts()).isEqualTo(1);
        OperationStatistics.PointDay p1 = point(d, "P1");
        assertThat(p1.kind()).isEqualTo(SiteArchive.PointKind.PROD);
        assertThat(p1.statistics().runningHours()).isEqualTo(10.0);
        assertThat(p1.statistics().loadRate()).hasValue(1.0);
    }

    @Test
    void treatmentOffOrLowWhileProductionRunsLowersTheRateByExactlyThoseSamples() {
        OperationStatistics.Day all = day(plant("0x8 20x40 0x48"));
        assertThat(all.synchronousRate().synchronousSamples()).isEqualTo(40);
        assertThat(all.synchronousRate().rate()).hasValue(1.0);

        // 3 samples OFF, then 2 LOW (5 kW < 0.5 × 20): 5 of 40 samples are not synchronous
        OperationStatistics.Day d = day(plant("0x8 20x10 0x3 5x2 20x25 0x48"));
        assertThat(d.synchronousRate().synchronousSamples()).isEqualTo(35);
        assertThat(d.synchronousRate().productionSamples()).isEqualTo(40);
        assertThat(d.synchronousRate().rate().getAsDouble()).isCloseTo(35.0 / 40, within(1e-12));
        OperationStatistics.GroupDay t1 = group(d, "T1"); // a treatment point in no group: its group of one
        assertThat(t1.members()).containsExactly("T1");
        assertThat(t1.statistics().runningHours()).isEqualTo(8.75);
        assertThat(t1.statistics().lowHours()).isEqualTo(0.5);
        assertThat(t1.statistics().starts()).isEqualTo(2);
        assertThat(t1.statistics().stops()).isEqualTo(2);
        assertThat(t1.compactStates())
                .isEqualTo("O".repeat(8) + "R".repeat(10) + "OOO" + "LL" + "R".repeat(25) + "O".repeat(48));
    }

    @Test
    void samplesWhereTheGroupHasNoDataAreLeftOut() {
        // T1 silent 04:30-05:30 (4 samples) while P1 runs: neither synchronous nor not
        OperationStatistics.Day d = day(plant("0x8 20x10 -x4 20x26 0x48"));
        assertThat(d.synchronousRate().productionSamples()).isEqualTo(36);
        assertThat(d.synchronousRate().synchronousSamples()).isEqualTo(36);
        assertThat(d.synchronousRate().rate()).hasValue(1.0);
        OperationStatistics.GroupDay t1 = group(d, "T1");
        assertThat(t1.compactStates()).contains("RRRR----RRRR");
        assertThat(t1.statistics().starts()).isEqualTo(1); // RUN, NO_DATA…, RUN is no start
        assertThat(t1.statistics().runningHours()).isEqualTo(9.0);

        // made NO_DATA by a SAMPLE-stage finding (DQ-12, DQ-17): left out the same way
        EnterpriseFixture f = plant("0x8 20x10 0x4 20x26 0x48");
        RuleConfig.Values v = RuleConfig.defaults().forEnterprise("E1");
        Evaluation e = new Evaluation(f.build(v), v);
        e.markNoData("T1", 96 + 18, 96 + 22);
        OperationStatistics.Day marked = OperationStatistics.of(e, DAY, DAY).get(0);
        assertThat(marked.synchronousRate().productionSamples()).isEqualTo(36);
        assertThat(marked.synchronousRate().synchronousSamples()).isEqualTo(36);
    }

    @Test
    void withoutProductionThereIsNoRate() {
        OperationStatistics.Day d = day(twoDays()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("P1", WARM_UP + "0x96")
                .power("T1", WARM_UP + "0x8 20x16 0x72"));
        assertThat(d.synchronousRate().rate()).isEmpty();
        assertThat(d.synchronousRate().productionSamples()).isZero();
        assertThat(d.synchronousRate().synchronousSamples()).isZero();
        assertThat(point(d, "P1").statistics().loadRate()).isEmpty();
        assertThat(group(d, "T1").statistics().runningHours()).isEqualTo(4.0);
    }

    @Test
    void onlyTheGroupsOfTheRunningProductionCount() {
        // P1 needs G1, P2 needs G2, P3 needs nothing. 02:00-04:00 P1 runs with G1 while G2 is off (synchronous);
        // 04:00-05:00 P2 runs, G2 still off (not); 05:00-06:00 only P3 runs (no production sample)
        OperationStatistics.Day d = day(twoDays()
                .prod("P1", 10, 50)
                .prod("P2", 10, 50)
                .prod("P3", 10, 50)
                .treat("T1", 2, 20)
                .treat("T2", 2, 20)
                .group("G1", 1, "T1")
                .group("G2", 1, "T2")
                .needs("P1", "G1")
                .needs("P2", "G2")
                .power("P1", WARM_UP + "0x8 50x8 0x80")
                .power("P2", WARM_UP + "0x16 50x4 0x76")
                .power("P3", WARM_UP + "0x20 50x4 0x72")
                .power("T1", WARM_UP + "0x8 20x8 0x80")
                .power("T2", WARM_UP + "0x96"));
        assertThat(d.synchronousRate().productionSamples()).isEqualTo(12);
        assertThat(d.synchronousRate().synchronousSamples()).isEqualTo(8);
        assertThat(d.groups()).extracting(OperationStatistics.GroupDay::id).containsExactly("G1", "G2");
    }

    @Test
    void theStateBeforeADayComesFromTheWarmUp() {
        // the group runs across midnight: no start on the second day, a stop at 02:00
        RuleConfig.Values v = RuleConfig.defaults().forEnterprise("E1");
        EnterpriseFixture f = twoDays()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("P1", "0x88 50x16 0x88")
                .power("T1", "0x88 20x16 0x88");
        List<OperationStatistics.Day> days =
                OperationStatistics.of(new Evaluation(f.build(v), v), DAY.minusDays(1), DAY.plusDays(1));
        assertThat(days)
                .extracting(OperationStatistics.Day::day)
                .containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1));
        OperationStatistics.GroupDay first = group(days.get(0), "T1");
        OperationStatistics.GroupDay second = group(days.get(1), "T1");
        assertThat(first.statistics().starts()).isEqualTo(1);
        assertThat(first.statistics().stops()).isZero();
        assertThat(second.statistics().starts()).isZero();
        assertThat(second.statistics().stops()).isEqualTo(1);
        assertThat(days.get(1).synchronousRate().synchronousSamples()).isEqualTo(8);
        // a day outside the grid has no samples
        assertThat(group(days.get(2), "T1").states()).isEmpty();
        assertThat(days.get(2).synchronousRate().rate()).isEmpty();
        assertThat(OperationStatistics.code(OperatingState.NO_DATA)).isEqualTo('-');
    }
}
