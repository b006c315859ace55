package io.pollwatt.platform.state;

import static io.pollwatt.platform.state.OperatingState.HIGH;
import static io.pollwatt.platform.state.OperatingState.LOW;
import static io.pollwatt.platform.state.OperatingState.NO_DATA;
import static io.pollwatt.platform.state.OperatingState.OFF;
import static io.pollwatt.platform.state.OperatingState.RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StateTest {

    private static final StateSettings S = StateSettings.defaults();
    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static OptionalDouble of(double v) {
        return OptionalDouble.of(v);
    }

    private static PointStateMachine machine(PointRole role, Thresholds t, StateSettings s) {
        return new PointStateMachine(role, t, s, 0.38);
    }

    @Test
    void a_production_point_turns_on_at_p_on_stays_on_down_to_p_off_and_is_high_above_p_hi() {
        Thresholds t = Thresholds.resolve(PointRole.PRODUCTION, of(11), of(55), NONE, NONE, NONE, S);
        assertThat(t.pOff()).isCloseTo(8.8, within(1e-9));
        assertThat(t.pHi()).hasValueCloseTo(60.5, within(1e-9));
        assertThat(t.derived()).isFalse();
        PointStateMachine m = machine(PointRole.PRODUCTION, t, S);
        assertThat(List.of(m.power(0), m.power(10), m.power(12), m.power(9), m.power(8), m.power(61), m.power(30)))
                .containsExactly(OFF, OFF, RUN, RUN, OFF, HIGH, RUN);
    }

    @Test
    void a_treatment_point_with_derived_thresholds_is_low_between_p_on_and_half_its_reference() {
        Thresholds t = Thresholds.resolve(PointRole.TREATMENT, NONE, NONE, NONE, NONE, of(10), S);
        assertThat(t.pOn()).isCloseTo(1.0, within(1e-9)); // 0.1 × P_ref
        assertThat(t.lowBelow()).hasValueCloseTo(5.0, within(1e-9));
        assertThat(t.derived()).isTrue();
        PointStateMachine m = machine(PointRole.TREATMENT, t, S);
        assertThat(List.of(m.power(0.5), m.power(3), m.power(6), m.power(0.9), m.power(0.7)))
                .containsExactly(OFF, LOW, RUN, LOW, OFF);
        // production has no LOW: the same reading is RUN
        PointStateMachine prod = machine(
                PointRole.PRODUCTION, Thresholds.resolve(PointRole.PRODUCTION, NONE, NONE, NONE, NONE, of(10), S), S);
        assertThat(prod.power(3)).isEqualTo(RUN);
        // nothing entered and no reference: P_floor
        assertThat(Thresholds.resolve(PointRole.TREATMENT, NONE, NONE, NONE, NONE, NONE, S)
                        .pOn())
                .isEqualTo(0.2);
    }

    @Test
    void a_new_state_waits_for_the_debounce() {
        StateSettings two = new StateSettings(0.2, 2, 0.2, 0.2, 0.1, 0.5, 1.1, 0.85);
        PointStateMachine m = machine(
                PointRole.PRODUCTION,
                Thresholds.resolve(PointRole.PRODUCTION, of(11), NONE, NONE, NONE, NONE, two),
                two);
        assertThat(List.of(m.power(20), m.power(0), m.power(20), m.power(0), m.power(0)))
                .containsExactly(RUN, RUN, RUN, RUN, OFF);
    }

    @Test
    void one_missing_sample_is_bridged_two_are_not() {
        Thresholds t = Thresholds.resolve(PointRole.PRODUCTION, of(11), NONE, NONE, NONE, NONE, S);
        PointStateMachine bridged = machine(PointRole.PRODUCTION, t, S);
        assertThat(List.of(bridged.power(20), bridged.noData(), bridged.power(9)))
                .containsExactly(RUN, NO_DATA, RUN);
        PointStateMachine split = machine(PointRole.PRODUCTION, t, S);
        assertThat(List.of(split.power(20), split.noData(), split.noData(), split.power(9)))
                .containsExactly(RUN, NO_DATA, NO_DATA, OFF);
    }

    @Test
    void under_the_fallback_the_current_decides_off_or_run_only() {
        Thresholds t = Thresholds.resolve(PointRole.TREATMENT, of(11), of(55), NONE, NONE, NONE, S);
        PointStateMachine m = machine(PointRole.TREATMENT, t, S);
        assertThat(m.currentOn()).isCloseTo(11 / (Math.sqrt(3) * 0.38 * 0.85), within(1e-9)); // 19.66 A
        assertThat(List.of(m.current(19), m.current(20), m.current(16), m.current(15), m.current(400)))
                .containsExactly(OFF, RUN, RUN, OFF, RUN);
    }

    @Test
    void a_group_runs_when_enough_members_run_and_missing_members_leave_it_open() {
        assertThat(GroupState.of(List.of(RUN, OFF), 1)).isEqualTo(RUN);
        assertThat(GroupState.of(List.of(HIGH, OFF), 1)).isEqualTo(RUN);
        assertThat(GroupState.of(List.of(OFF, NO_DATA), 1)).isEqualTo(NO_DATA);
        assertThat(GroupState.of(List.of(LOW, OFF), 1)).isEqualTo(LOW);
        assertThat(GroupState.of(List.of(LOW, NO_DATA), 2)).isEqualTo(NO_DATA);
        assertThat(GroupState.of(List.of(RUN, LOW), 2)).isEqualTo(LOW);
        assertThat(GroupState.of(List.of(OFF, OFF), 1)).isEqualTo(OFF);
        assertThatThrownBy(() -> GroupState.of(List.of(RUN), 0)).hasMessageContaining("at least 1");
    }

    @Test
    void the_reference_is_the_most_common_running_power_and_absent_without_running_samples() {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(0.0); // off: below the floor, dropped
        }
        for (int i = 0; i < 50; i++) {
            samples.add(31.0);
        }
        for (int i = 0; i < 40; i++) {
            samples.add(30.9);
        }
        for (int i = 0; i < 10; i++) {
            samples.add(12.0); // idling: below the mean, dropped
        }
        // width 0.31 kW: 31.0 is bin 100, 30.9 bin 99; 31.0 wins with 50
        assertThat(ReferencePower.of(samples, 0.2)).hasValueCloseTo(100.5 * 0.31, within(1e-9));
        assertThat(ReferencePower.of(List.of(0.0, 0.1), 0.2)).isEmpty();
    }

    @Test
    void daily_statistics_count_running_time_starts_across_gaps_and_the_load_rate() {
        List<DailyStatistics.Sampled> day = List.of(
                new DailyStatistics.Sampled(OFF, of(0)),
                new DailyStatistics.Sampled(RUN, of(10)),
                new DailyStatistics.Sampled(RUN, of(12)),
                new DailyStatistics.Sampled(NO_DATA, NONE),
                new DailyStatistics.Sampled(RUN, of(11)),
                new DailyStatistics.Sampled(OFF, of(0)),
                new DailyStatistics.Sampled(NO_DATA, NONE),
                new DailyStatistics.Sampled(HIGH, of(10)),
                new DailyStatistics.Sampled(LOW, of(3)));
        DailyStatistics s = DailyStatistics.of(day, OFF, Duration.ofMinutes(15), of(11));
        assertThat(s.runningHours()).isEqualTo(1.0);
        assertThat(s.lowHours()).isEqualTo(0.25);
        assertThat(s.starts()).isEqualTo(2); // OFF → RUN, and OFF, NO_DATA, HIGH
        assertThat(s.stops()).isEqualTo(1);
        assertThat(s.loadRate()).hasValueCloseTo(10.75 / 11, within(1e-9));
    }

    @Test
    void settings_outside_their_range_are_refused_naming_the_key() {
        assertThatThrownBy(() -> new StateSettings(1.0, 1, 0.2, 0.2, 0.1, 0.5, 1.1, 0.85))
                .hasMessageContaining("state.hysteresisRatio");
        assertThatThrownBy(() -> new StateSettings(0.2, 0, 0.2, 0.2, 0.1, 0.5, 1.1, 0.85))
                .hasMessageContaining("state.debounceSamples");
        assertThatThrownBy(() -> new StateSettings(0.2, 1, 0.2, 0.2, 0.1, 0.5, 1.0, 0.85))
                .hasMessageContaining("state.highRatio");
    }
}
