package io.pollwatt.verification.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The tester's own AGG-01: which grid instant a sent record stands for, if any. */
class PlatformChecksTest {

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s);
    }

    @Test
    void a_data_time_within_two_minutes_stands_for_the_nearest_grid_instant() {
        assertThat(PlatformChecks.grid(t("2026-03-01T10:00:00"))).contains(t("2026-03-01T10:00"));
        assertThat(PlatformChecks.grid(t("2026-03-01T10:02:00"))).contains(t("2026-03-01T10:00"));
        assertThat(PlatformChecks.grid(t("2026-03-01T10:13:00"))).contains(t("2026-03-01T10:15"));
        assertThat(PlatformChecks.grid(t("2026-03-01T23:58:30"))).contains(t("2026-03-02T00:00"));
    }

    @Test
    void a_data_time_further_from_every_grid_instant_stands_for_none() {
        // the case a device set a few minutes behind produces: the platform leaves these out, so must the tester
        assertThat(PlatformChecks.grid(t("2026-03-01T10:02:01"))).isEmpty();
        assertThat(PlatformChecks.grid(t("2026-03-01T10:12:59"))).isEmpty();
        assertThat(PlatformChecks.grid(t("2026-03-01T00:57:50"))).isEmpty();
    }
}
