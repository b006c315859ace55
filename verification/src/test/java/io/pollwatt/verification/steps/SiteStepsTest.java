package io.pollwatt.verification.steps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteStepsTest {

    @Test
    void a_run_of_no_or_negative_length_is_refused_in_the_scenario_s_own_words() {
        SiteSteps steps = new SiteSteps(new ScenarioWorld());
        assertThatThrownBy(() -> steps.run_days("2026-03-01T00:00", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run lasts at least 1 天, got -1 天");
        assertThatThrownBy(() -> steps.run_hours("2026-03-01T00:00", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run lasts at least 1 小时, got 0 小时");
    }
}
