package io.pollwatt.twin.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A shifted start or stop is its own rule for one sample; from 30 min on it is ALM-01 (domain-rules §4). */
class TreatmentShiftedTest {

    private static final Window W =
            new Window(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));

    private static TreatmentShifted shifted(int startMin, int stopMin) {
        return new TreatmentShifted("T1", W, Duration.ofMinutes(startMin), Duration.ofMinutes(stopMin));
    }

    @Test
    void a_shift_of_one_sample_is_late_start_or_early_stop_and_forbids_alm_01() {
        assertThat(shifted(15, 0).expectedRules()).containsExactly("ALM-02");
        assertThat(shifted(0, 15).expectedRules()).containsExactly("ALM-03");
        assertThat(shifted(15, 15).expectedRules()).containsExactly("ALM-02", "ALM-03");
        assertThat(shifted(15, 0).mustNotFire()).containsExactly("ALM-01");
    }

    @Test
    void a_shift_of_30_minutes_or_more_is_not_running() {
        assertThat(shifted(45, 0).expectedRules()).containsExactly("ALM-01");
        assertThat(shifted(0, 30).expectedRules()).containsExactly("ALM-01");
        assertThat(shifted(45, 60).expectedRules()).containsExactly("ALM-01");
        assertThat(shifted(45, 15).expectedRules()).containsExactly("ALM-01", "ALM-03");
        assertThat(shifted(45, 0).mustNotFire()).isEmpty();
    }

    @Test
    void between_one_and_two_samples_nothing_is_forbidden() {
        assertThat(shifted(20, 0).expectedRules()).containsExactly("ALM-02");
        assertThat(shifted(20, 0).mustNotFire()).isEmpty();
    }
}
