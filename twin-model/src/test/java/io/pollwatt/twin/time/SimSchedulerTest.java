package io.pollwatt.twin.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void events_run_in_time_order_and_ties_in_scheduling_order_with_the_clock_at_their_instant() {
        SimClock clock = new SimClock(T0);
        SimScheduler scheduler = new SimScheduler(clock);
        List<String> log = new ArrayList<>();
        scheduler.schedule(Duration.ofMinutes(15), () -> log.add("b@" + clock.instant()));
        scheduler.schedule(Duration.ofMinutes(5), () -> log.add("a@" + clock.instant()));
        scheduler.schedule(Duration.ofMinutes(15), () -> log.add("c@" + clock.instant()));
        scheduler.runUntil(T0.plus(Duration.ofHours(1)));
        assertThat(log).containsExactly("a@2026-03-01T00:05:00Z", "b@2026-03-01T00:15:00Z", "c@2026-03-01T00:15:00Z");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void periodic_events_follow_the_grid_and_stop_at_the_horizon() {
        SimClock clock = new SimClock(T0);
        SimScheduler scheduler = new SimScheduler(clock);
        List<Instant> ticks = new ArrayList<>();
        scheduler.every(T0, Duration.ofMinutes(15), () -> ticks.add(clock.instant()));
        scheduler.runFor(Duration.ofHours(1));
        assertThat(ticks).hasSize(5).startsWith(T0).endsWith(T0.plus(Duration.ofHours(1)));
        scheduler.runFor(Duration.ofMinutes(30));
        assertThat(ticks).hasSize(7);
    }

    @Test
    void time_cannot_go_back() {
        SimClock clock = new SimClock(T0);
        SimScheduler scheduler = new SimScheduler(clock);
        scheduler.runFor(Duration.ofMinutes(10));
        assertThatThrownBy(() -> scheduler.at(T0, () -> {})).hasMessageContaining("now is 2026-03-01T00:10:00Z");
        assertThatThrownBy(() -> scheduler.runUntil(T0)).hasMessageContaining("time cannot go back");
    }
}
