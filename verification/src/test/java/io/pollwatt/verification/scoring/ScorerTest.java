package io.pollwatt.verification.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.TreatmentRunsAlone;
import io.pollwatt.twin.fault.Window;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime T10 = LocalDateTime.of(2026, 3, 1, 10, 0);

    private static StagedFault staged(String enterprise, io.pollwatt.twin.fault.Fault f) {
        return new StagedFault(enterprise, ZONE, f);
    }

    private static Window window(LocalDateTime from, Duration length) {
        return Window.of(from.atZone(ZONE).toInstant(), length);
    }

    private static Alarm alarm(
            long id,
            String enterprise,
            String rule,
            String subtype,
            LocalDateTime start,
            LocalDateTime end,
            LocalDateTime opened,
            String closing) {
        return new Alarm(
                id,
                enterprise,
                rule,
                1,
                "P1",
                subtype,
                List.of("P1"),
                List.of(),
                start,
                start,
                end,
                2,
                end == null ? Alarm.Status.OPEN : Alarm.Status.CLOSED,
                closing,
                false,
                Map.of(),
                opened.atZone(ZONE).toInstant(),
                opened.atZone(ZONE).toInstant(),
                null,
                Alarm.Review.UNREVIEWED,
                null,
                null,
                null);
    }

    @Test
    void anAlarmOverTheFaultDetectsItWithTheDelayToItsOpening() {
        var f = staged("E1", new TreatmentOff("T1", window(T10, Duration.ofHours(2))));
        var a = alarm(7, "E1", "ALM-01", "midRun", T10, T10.plusHours(2), T10.plusMinutes(45), "ended");

        ScenarioScore s = Scorer.score(List.of(f), List.of(a));

        assertThat(s.detections()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("ALM-01");
            assertThat(d.alarmId()).isEqualTo(7);
            assertThat(d.delay()).isEqualTo(Duration.ofMinutes(45));
        });
        assertThat(s.misses()).isEmpty();
        assertThat(s.falseAlarms()).isEmpty();
        assertThat(s.agreesWithTruth()).isTrue();
    }

    @Test
    void noAlarmIsAMissAndAnAlarmElsewhereIsFalse() {
        var f = staged("E1", new TreatmentOff("T1", window(T10, Duration.ofHours(2))));
        // same rule, but hours after the fault's window (beyond the grace) and another enterprise's alarm
        var late = alarm(1, "E1", "ALM-01", "midRun", T10.plusHours(5), T10.plusHours(6), T10.plusHours(6), "ended");
        var other = alarm(2, "E2", "ALM-01", "midRun", T10, T10.plusHours(2), T10.plusHours(1), "ended");

        ScenarioScore s = Scorer.score(List.of(f), List.of(late, other));

        assertThat(s.detections()).isEmpty();
        assertThat(s.misses())
                .singleElement()
                .satisfies(m -> assertThat(m.rule()).isEqualTo("ALM-01"));
        assertThat(s.falseAlarms())
                .extracting(ScenarioScore.FalseAlarm::alarmId)
                .containsExactlyInAnyOrder(1L, 2L);
        assertThat(s.agreesWithTruth()).isFalse();
    }

    @Test
    void anAlarmTheFaultForbidsIsNamedAsForbidden() {
        var f = staged("E1", new TreatmentRunsAlone("T1", window(T10, Duration.ofHours(3))));
        var a = alarm(3, "E1", "ALM-04", "low", T10.plusHours(1), null, T10.plusHours(1), null);

        ScenarioScore s = Scorer.score(List.of(f), List.of(a));

        assertThat(s.falseAlarms()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("ALM-04");
            assertThat(x.forbiddenBy()).isEqualTo("treatment-runs-alone");
        });
        assertThat(s.agreesWithTruth()).isFalse();
    }

    @Test
    void rulebookVariantsAreMatchedThroughTheSubtype() {
        // one reversed CT on a 3P4W meter: DQ-08b (a phase) expected, DQ-08a (the total) must not fire
        var f = staged(
                "E1",
                new ReversedCt(
                        "P1", window(T10, Duration.ofHours(4)), Wiring.THREE_PHASE_FOUR_WIRE, true, false, false));
        var phase = alarm(4, "E1", "DQ-08", "phase", T10, T10.plusHours(4), T10.plusMinutes(20), "ended");
        var total = alarm(5, "E1", "DQ-08", "total", T10, T10.plusHours(4), T10.plusMinutes(20), "ended");

        ScenarioScore s = Scorer.score(List.of(f), List.of(phase, total));

        assertThat(s.detections()).extracting(ScenarioScore.Detection::rule).containsExactly("DQ-08b");
        assertThat(s.falseAlarms()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("DQ-08a");
            assertThat(x.forbiddenBy()).isEqualTo("reversed-ct");
        });
    }

    @Test
    void retractedAlarmsAreNotScored() {
        var f = staged("E1", new TreatmentOff("T1", window(T10, Duration.ofHours(2))));
        var retracted = alarm(6, "E1", "DQ-05", null, T10, T10.plusHours(1), T10.plusMinutes(30), "retracted");

        ScenarioScore s = Scorer.score(List.of(f), List.of(retracted));

        assertThat(s.alarms()).isEmpty();
        assertThat(s.falseAlarms()).isEmpty();
    }

    @Test
    void theTallyGivesPrecisionRecallAndDelays() {
        var f1 = staged("E1", new TreatmentOff("T1", window(T10, Duration.ofHours(2))));
        var f2 = staged("E1", new TreatmentOff("T2", window(T10.plusHours(5), Duration.ofHours(1))));
        var hit = alarm(1, "E1", "ALM-01", "midRun", T10, T10.plusHours(2), T10.plusMinutes(30), "ended");
        var stray = alarm(2, "E1", "ALM-01", "midRun", T10.plusHours(12), null, T10.plusHours(12), null);
        RuleTally t = new RuleTally();
        t.add(Scorer.score(List.of(f1, f2), List.of(hit, stray)));
        t.add(Scorer.score(
                List.of(f1),
                List.of(alarm(3, "E1", "ALM-01", "midRun", T10, T10.plusHours(2), T10.plusMinutes(90), "ended"))));

        assertThat(t.qualities()).singleElement().satisfies(q -> {
            assertThat(q.rule()).isEqualTo("ALM-01");
            assertThat(q.expected()).isEqualTo(3);
            assertThat(q.detected()).isEqualTo(2);
            assertThat(q.missed()).isEqualTo(1);
            assertThat(q.alarms()).isEqualTo(3);
            assertThat(q.falseAlarms()).isEqualTo(1);
            assertThat(q.precision()).isEqualTo(2.0 / 3);
            assertThat(q.recall()).isEqualTo(2.0 / 3);
            assertThat(q.medianDelay()).isEqualTo(Duration.ofMinutes(60));
            assertThat(q.maxDelay()).isEqualTo(Duration.ofMinutes(90));
        });
    }

    @Test
    void aRulebookNameNamesItsVariants() {
        assertThat(RuleName.names("DQ-08", "DQ-08b")).isTrue();
        assertThat(RuleName.names("DQ-08b", "DQ-08b")).isTrue();
        assertThat(RuleName.names("DQ-08b", "DQ-08a")).isFalse();
        assertThat(RuleName.names("DQ-*", "DQ-12")).isTrue();
        assertThat(RuleName.names("DQ-1", "DQ-12")).isFalse();
    }
}
