package io.pollwatt.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.report.fixture.SampleRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private static final Instant T = SampleRecords.at(8, 0);

    @Test
    void samples_out_of_time_order_are_refused_naming_the_point_and_the_sample() {
        List<Sample> samples = List.of(new Sample(T, 1.0, 1.0), new Sample(T, 2.0, 2.0));
        assertThatThrownBy(() -> new PointSeries("T1", "T1 治污风机", PointRole.TREAT, samples))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PointSeries T1")
                .hasMessageContaining("sample 1");
    }

    @Test
    void a_window_that_ends_before_it_starts_is_refused_with_both_times() {
        assertThatThrownBy(() -> new TruthWindow("treatment-off", "T1", T, T.minusSeconds(60), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treatment-off")
                .hasMessageContaining(T.toString());
    }

    @Test
    void a_ratio_outside_zero_to_one_is_refused_naming_the_cell() {
        assertThatThrownBy(() -> new Completeness("T1", LocalDate.of(2026, 3, 2), 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Completeness T1 2026-03-02")
                .hasMessageContaining("1.2");
        assertThatThrownBy(() -> new Completeness("T1", LocalDate.of(2026, 3, 2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alarm_levels_are_one_to_three_and_blank_ids_are_refused() {
        assertThatThrownBy(
                        () -> new RaisedAlarm("A", "ALM-01", null, 4, "k", List.of(), T, null, List.of(), null, null))
                .hasMessageContaining("level must be 1, 2 or 3, got 4");
        assertThatThrownBy(
                        () -> new RaisedAlarm(" ", "ALM-01", null, 1, "k", List.of(), T, null, List.of(), null, null))
                .hasMessageContaining("RaisedAlarm.id must not be blank");
    }

    @Test
    void rule_quality_derives_precision_recall_and_delays() {
        RuleQuality rule = new RuleQuality(
                "ALM-01",
                3,
                1,
                2,
                List.of(
                        Duration.ofMinutes(45),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(90)));
        assertThat(rule.precision().getAsDouble()).isEqualTo(0.75);
        assertThat(rule.recall().getAsDouble()).isEqualTo(0.6);
        assertThat(rule.medianDelay()).contains(Duration.ofMinutes(30));
        assertThat(rule.maxDelay()).contains(Duration.ofMinutes(90));

        RuleQuality silent = new RuleQuality("DQ-14", 0, 0, 1, List.of());
        assertThat(silent.precision()).isEmpty();
        assertThat(silent.recall().getAsDouble()).isZero();
        assertThat(silent.medianDelay()).isEmpty();
    }

    @Test
    void energy_days_keep_the_sub_meter_order_and_sum_them() {
        Map<String, Double> sub = new LinkedHashMap<>();
        sub.put("T1", 300.0);
        sub.put("P1", 1400.0);
        sub.put("I1", 100.0);
        EnergyDay day = new EnergyDay(LocalDate.of(2026, 3, 2), 1700.0, sub);
        sub.put("X", 1.0);

        assertThat(day.subMeterKwh().keySet()).containsExactly("T1", "P1", "I1");
        assertThat(day.subMeterTotalKwh()).isEqualTo(1800.0);
        assertThatThrownBy(() -> day.subMeterKwh().put("Y", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void verdicts_follow_the_checks_and_cases() {
        assertThat(SampleRecords.acceptance().passed()).isFalse();
        assertThat(SampleRecords.acceptance().failedChecks())
                .extracting(AcceptanceCheck::acId)
                .containsExactly("AC-01", "AC-11");
        CertificationReport cert = SampleRecords.certification();
        assertThat(cert.passed()).isFalse();
        CertificationReport onlyPassAndNa = new CertificationReport(
                cert.subject(),
                cert.profile(),
                cert.generatedAt(),
                1L,
                Map.of(),
                List.of(cert.cases().get(0), cert.cases().get(2)));
        assertThat(onlyPassAndNa.passed()).isTrue();
        CertificationReport onlyNa = new CertificationReport(
                cert.subject(),
                cert.profile(),
                cert.generatedAt(),
                1L,
                Map.of(),
                List.of(cert.cases().get(2)));
        assertThat(onlyNa.passed()).isFalse();
        assertThatThrownBy(() -> new CertificationReport(
                        cert.subject(),
                        cert.profile(),
                        cert.generatedAt(),
                        1L,
                        Map.of(),
                        List.of(cert.cases().get(0), cert.cases().get(0))))
                .hasMessageContaining("case ids must be unique");
    }

    @Test
    void conformance_cannot_pass_more_than_it_checked() {
        assertThatThrownBy(() -> new ConformanceSummary(3, 4, List.of()))
                .hasMessageContaining("passed 4 exceeds checked 3");
    }
}
