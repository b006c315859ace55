package io.pollwatt.twin.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.twin.electric.Wiring;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioMatrixTest {

    private static final Window W = Window.of(Instant.parse("2026-03-01T02:00:00Z"), Duration.ofHours(2));
    private static final Wiring Y = Wiring.THREE_PHASE_FOUR_WIRE;
    private static final Wiring D = Wiring.THREE_PHASE_THREE_WIRE;

    /** The fault each staged row uses, with the row's parameters. */
    private static Map<Integer, Fault> staging() {
        Map<Integer, Fault> m = new HashMap<>();
        m.put(1, new TreatmentOff("T1", W));
        m.put(2, new TreatmentShifted("T1", W, Duration.ofMinutes(15), Duration.ZERO));
        m.put(3, new TreatmentShifted("T1", W, Duration.ZERO, Duration.ofMinutes(15)));
        m.put(4, new TreatmentOff("T1", W));
        m.put(5, new TreatmentUnderLoad("T1", W, 0.7));
        m.put(6, new DutySwitch("T1", W));
        m.put(7, new ProductionInControlPeriod("P1", W, 1.0, false));
        m.put(8, new ProductionInControlPeriod("P1", W, 0.8, true));
        m.put(9, new EnterpriseOutage("E1", W));
        m.put(10, new UplinkOutage("P1", W));
        m.put(11, new MnNotDelivered("P1", W));
        m.put(12, new ReversedCt("P1", W, Y, false, true, false));
        m.put(13, new ReversedCt("P1", W, Y, true, true, true, true)); // the row's combined-energy meter
        m.put(14, new ReversedCt("P1", W, D, false, false, true));
        m.put(15, new ReversedCt("P1", W, D, true, false, false));
        m.put(16, new WrongCtRatio("M1", W, 5, true));
        m.put(17, new WrongCtRatio("P1", W, 40, false));
        m.put(18, new RegisterReset("P1", W));
        m.put(19, new RegisterNearMax("P1", W, 5));
        m.put(20, new RegisterJump("P1", W, 50_000));
        m.put(21, new FrozenMeter("P1", W));
        m.put(22, new MeterOnWrongCircuit("T1", W, "P1"));
        m.put(23, new FedOutsideMain("P1", W));
        m.put(24, new ArchiveMismatch("E1", W, ArchiveMismatch.Mismatch.NO_MAIN_POINT));
        m.put(25, new PhaseVoltageLost("P1", W, 'b'));
        m.put(26, new ClockDrift("P1", W, Duration.ofMinutes(20)));
        m.put(27, new TreatmentRunsAlone("T1", W));
        m.put(29, new ArchiveMismatch("P1", W, ArchiveMismatch.Mismatch.P_ON_TOO_HIGH));
        m.put(30, new SignFlapping("P1", W));
        m.put(31, new ArchiveMismatch("P1", W, ArchiveMismatch.Mismatch.UNREGISTERED_POINTS));
        m.put(32, new VfdFrequency("P1", W, 45));
        return m;
    }

    @Test
    void every_row_of_section_10_is_there_once() {
        assertThat(ScenarioMatrix.rows())
                .extracting(ScenarioMatrix.Row::row)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 32).boxed().toList());
    }

    @Test
    void each_row_agrees_with_the_fault_that_stages_it() {
        Map<Integer, Fault> staging = staging();
        for (ScenarioMatrix.Row row : ScenarioMatrix.rows()) {
            Fault f = staging.get(row.row());
            if (row.faultKinds().isEmpty()) {
                assertThat(f).as("row %d", row.row()).isNull();
                continue;
            }
            assertThat(f).as("row %d is staged", row.row()).isNotNull();
            assertThat(row.faultKinds()).as("row %d", row.row()).containsExactly(f.kind());
            assertThat(f.expectedRules())
                    .as("row %d expected", row.row())
                    .containsExactlyInAnyOrderElementsOf(row.expected());
            assertThat(f.mustNotFire())
                    .as("row %d must not", row.row())
                    .containsExactlyInAnyOrderElementsOf(row.mustNotFire());
        }
    }

    @Test
    void every_fault_record_is_used_by_the_matrix_or_is_an_issue_fault() {
        Set<Class<?>> staged = staging().values().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> extra = Set.of(
                VocExceedance.class,
                AnalyzerDrift.class,
                LoraLoss.class,
                MainCoversOnlyProduction.class,
                MergedMain.class,
                ResendOff.class); // active gap fill (scenarios issue), no §10 row of its own
        Set<Class<?>> all = Set.copyOf(List.of(Fault.class.getPermittedSubclasses()));
        assertThat(all).isEqualTo(union(staged, extra));
    }

    private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        Set<Class<?>> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
