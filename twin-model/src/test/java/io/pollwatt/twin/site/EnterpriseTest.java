package io.pollwatt.twin.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnterpriseTest {

    private static Facility point(String id, FacilityKind kind, double kw) {
        return new Facility(
                id,
                id,
                kind,
                Circuit.LOW_VOLTAGE_3P4W,
                Meter.of("M-" + id, CtRatio.parse("200/5")),
                kind == FacilityKind.MAIN ? null : LoadProfile.steady(kw, 0.85),
                JudgementLimits.NONE,
                null);
    }

    @Test
    void a_consistent_enterprise_is_built() {
        Enterprise e = new Enterprise(
                "E001",
                "某纺织公司",
                "临平区",
                "纺织",
                List.of(
                        point("M1", FacilityKind.MAIN, 0), point("P1", FacilityKind.PROD, 55),
                        point("T1", FacilityKind.TREAT, 15), point("T2", FacilityKind.TREAT, 15)),
                List.of(new TreatmentGroup(
                        "G1", List.of("T1", "T2"), 1, Duration.ofMinutes(5), Duration.ofMinutes(10))),
                List.of(new Association("P1", "G1")),
                List.of(new Shift(LocalTime.of(8, 0), LocalTime.of(20, 0))),
                List.of(),
                List.of());
        assertThat(e.facilities(FacilityKind.TREAT)).extracting(Facility::id).containsExactly("T1", "T2");
        assertThat(e.facility("P1")).isPresent();
    }

    @Test
    void every_broken_reference_is_reported_at_once() {
        assertThatThrownBy(() -> new Enterprise(
                        "E002",
                        "x",
                        "d",
                        "i",
                        List.of(
                                point("P1", FacilityKind.PROD, 10),
                                point("P1", FacilityKind.PROD, 10),
                                point("T1", FacilityKind.TREAT, 5)),
                        List.of(new TreatmentGroup("G1", List.of("T1", "P1", "T9"), 1, Duration.ZERO, Duration.ZERO)),
                        List.of(new Association("P7", "G2")),
                        List.of(),
                        List.of(),
                        List.of()))
                .hasMessageContaining("point P1 is defined twice")
                .hasMessageContaining("member P1 is PROD, not TREAT")
                .hasMessageContaining("unknown point T9")
                .hasMessageContaining("unknown production point P7")
                .hasMessageContaining("unknown group G2");
    }

    @Test
    void values_check_themselves() {
        assertThat(CtRatio.parse("1000/5").factor()).isEqualTo(200);
        assertThatThrownBy(() -> CtRatio.parse("200")).hasMessageContaining("'200'");
        assertThat(new Shift(LocalTime.of(19, 30), LocalTime.of(8, 0)).covers(LocalTime.of(2, 0)))
                .isTrue();
        assertThat(new Shift(LocalTime.of(19, 30), LocalTime.of(8, 0)).covers(LocalTime.of(12, 0)))
                .isFalse();
        assertThatThrownBy(() -> new ControlPeriod(
                        ControlPeriod.Kind.LIMIT,
                        LocalDateTime.of(2026, 3, 1, 0, 0),
                        LocalDateTime.of(2026, 3, 2, 0, 0),
                        1.5,
                        List.of()))
                .hasMessageContaining("limit ratio 1.5");
        assertThatThrownBy(() -> Meter.of("bad id!", CtRatio.parse("200/5"))).hasMessageContaining("bad id!");
    }

    @Test
    void a_loop_of_parents_is_refused_and_a_shift_with_equal_ends_runs_round_the_clock() {
        Facility a = new Facility(
                "P1",
                "P1",
                FacilityKind.PROD,
                Circuit.LOW_VOLTAGE_3P4W,
                Meter.of("M-P1", CtRatio.parse("200/5")),
                LoadProfile.steady(10, 0.85),
                JudgementLimits.NONE,
                "P2");
        Facility b = new Facility(
                "P2",
                "P2",
                FacilityKind.PROD,
                Circuit.LOW_VOLTAGE_3P4W,
                Meter.of("M-P2", CtRatio.parse("200/5")),
                LoadProfile.steady(10, 0.85),
                JudgementLimits.NONE,
                "P1");
        assertThatThrownBy(() -> new Enterprise(
                        "E3", "x", "d", "i", List.of(a, b), List.of(), List.of(), List.of(), List.of(), List.of()))
                .hasMessageContaining("feeds itself through its parents");
        assertThat(new Shift(LocalTime.of(8, 0), LocalTime.of(8, 0)).covers(LocalTime.of(3, 0)))
                .isTrue();
        assertThatThrownBy(() -> new LoadProfile(LoadProfile.Shape.CYCLIC, 10, 0.8, 2, Duration.ofSeconds(30), 0.5, 1))
                .hasMessageContaining("whole minutes");
    }
}
