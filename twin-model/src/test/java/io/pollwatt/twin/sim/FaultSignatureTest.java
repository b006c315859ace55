package io.pollwatt.twin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.twin.fault.AnalyzerDrift;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.PhaseVoltageLost;
import io.pollwatt.twin.fault.ProductionInControlPeriod;
import io.pollwatt.twin.fault.RegisterJump;
import io.pollwatt.twin.fault.TreatmentRunsAlone;
import io.pollwatt.twin.fault.VocExceedance;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.ControlPeriod;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Stack;
import io.pollwatt.twin.site.VocAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults whose signatures TwinTest does not already show. */
class FaultSignatureTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant MIDNIGHT = Instant.parse("2026-02-28T16:00:00Z");

    private static Instant local(int hour, int minute) {
        return MIDNIGHT.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    /** The textile line with a STOP period 13:00–15:00 and a stack S1 over P1 treated by G1. */
    private static Enterprise site() {
        Enterprise e = TwinTest.textileLine();
        return new Enterprise(
                e.id(),
                e.name(),
                e.district(),
                e.industry(),
                e.facilities(),
                e.groups(),
                e.associations(),
                e.shifts(),
                List.of(new ControlPeriod(
                        ControlPeriod.Kind.STOP,
                        LocalDateTime.of(2026, 3, 1, 13, 0),
                        LocalDateTime.of(2026, 3, 1, 15, 0),
                        0,
                        List.of())),
                List.of(new Stack(
                        "S1", 15, List.of("P1"), List.of("G1"), new VocAnalyzer(100, 0.9, 2, 10, 35, 101.3, 12))));
    }

    private static Twin at(List<Fault> faults, Instant t) {
        Twin twin = new Twin(site(), faults, new Seeds(17), ZONE, MIDNIGHT);
        twin.advanceTo(t);
        return twin;
    }

    private static PointSample point(Twin twin, String id) {
        return twin.samples().stream()
                .filter(s -> s.pointId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_stop_period_stops_production_unless_it_runs_against_it() {
        assertThat(point(at(List.of(), local(14, 0)), "P1").trueState()).isEqualTo(TrueState.OFF);
        Twin rogue = at(
                List.of(new ProductionInControlPeriod("P1", Window.of(local(13, 0), Duration.ofHours(2)), 0.8, false)),
                local(14, 0));
        assertThat(point(rogue, "P1").trueKw()).isCloseTo(55 * 0.8, within(55 * 0.8 * 0.05));
        assertThat(point(rogue, "P1").faults()).containsExactly("production-in-stop");
    }

    @Test
    void a_register_jump_adds_its_kwh_at_once() {
        Window w = Window.of(local(10, 0), Duration.ofMinutes(1));
        double before = point(at(List.of(), local(10, 0)), "P2").importKwh();
        double after = point(at(List.of(new RegisterJump("P2", w, 50_000)), local(10, 0)), "P2")
                .importKwh();
        assertThat(after - before).isCloseTo(50_000, within(0.01));
    }

    @Test
    void a_lost_phase_voltage_shows_zero_on_that_phase_and_two_thirds_of_the_power() {
        Twin twin =
                at(List.of(new PhaseVoltageLost("P1", Window.of(local(9, 0), Duration.ofHours(2)), 'c')), local(10, 0));
        PointSample p = point(twin, "P1");
        assertThat(p.measured().ucV()).isZero();
        assertThat(p.measured().pKw() / p.trueKw()).isCloseTo(2.0 / 3, within(0.02));
    }

    @Test
    void treatment_can_run_without_production() {
        Twin twin = at(List.of(new TreatmentRunsAlone("T2", Window.of(local(2, 0), Duration.ofHours(2)))), local(3, 0));
        assertThat(point(twin, "T2").trueState()).isEqualTo(TrueState.RUN);
        assertThat(point(twin, "P1").trueState()).isEqualTo(TrueState.OFF);
    }

    @Test
    void tvoc_follows_production_and_treatment_and_the_analyzer_faults_change_it() {
        StackSample clean = at(List.of(), local(10, 0)).stackSamples().get(0);
        StackSample night = at(List.of(), local(3, 0)).stackSamples().get(0);
        assertThat(clean.trueTvocMgM3()).isCloseTo(2 + 100 * 0.1, within(1.0)); // treated: 90 % removed
        assertThat(night.trueTvocMgM3()).isCloseTo(2, within(0.2)); // production off: background
        Window day = Window.of(local(8, 0), Duration.ofHours(4));
        StackSample exceed = at(List.of(new VocExceedance("S1", day, 3)), local(10, 0))
                .stackSamples()
                .get(0);
        assertThat(exceed.trueTvocMgM3()).isCloseTo(2 + 300 * 0.1, within(2.0));
        StackSample drift = at(
                        List.of(new AnalyzerDrift("S1", Window.of(local(0, 0), Duration.ofDays(1)), 24)), local(12, 0))
                .stackSamples()
                .get(0);
        assertThat(drift.tvocMgM3() - drift.trueTvocMgM3()).isCloseTo(12, within(0.01)); // half a day at 24 a day
    }
}
