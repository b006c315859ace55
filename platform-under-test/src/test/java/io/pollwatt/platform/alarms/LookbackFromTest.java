package io.pollwatt.platform.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a long evaluation's look-back starts ({@link RuleService#lookbackFrom}). */
class LookbackFromTest {

    private static final LocalDateTime JUDGED = LocalDateTime.parse("2026-03-20T00:00");
    /** A 30-day look-back before the day of warm-up. */
    private static final LocalDateTime FROM = JUDGED.minusDays(31);

    @Test
    void with_nothing_stored_the_whole_look_back_is_judged() {
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.empty())).isEqualTo(FROM);
    }

    @Test
    void records_older_than_the_look_back_leave_it_whole() {
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.of(FROM.minusDays(3))))
                .isEqualTo(FROM);
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.of(FROM.plusHours(5))))
                .isEqualTo(FROM);
    }

    @Test
    void the_look_back_starts_at_the_midnight_a_day_before_the_earliest_record() {
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.of(LocalDateTime.parse("2026-03-12T09:15"))))
                .isEqualTo(LocalDateTime.parse("2026-03-11T00:00"));
    }

    @Test
    void it_never_starts_after_the_warm_up_of_a_short_evaluation() {
        LocalDateTime warmUp = JUDGED.minus(RuleService.WARM_UP);
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.of(JUDGED.plusHours(2)))) // a clock ahead
                .isEqualTo(warmUp);
        // a first record late on the day of warm-up: the day before it is judged too, as for any first record
        assertThat(RuleService.lookbackFrom(FROM, JUDGED, Optional.of(JUDGED.minusHours(3))))
                .isEqualTo(warmUp.minusDays(1));
    }
}
