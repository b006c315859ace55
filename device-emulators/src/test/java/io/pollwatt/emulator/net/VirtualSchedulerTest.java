package io.pollwatt.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Virtual time: it runs the scheduled actions in order, and a run that cannot go on fails instead of hanging. */
class VirtualSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void actions_run_at_their_virtual_time_and_the_run_ends_at_its_end() throws InterruptedException {
        List<Instant> ran = new ArrayList<>();
        try (VirtualScheduler s = new VirtualScheduler(T0, Duration.ofMillis(50), "test")) {
            s.schedule(Duration.ofHours(2), () -> ran.add(s.now()));
            s.schedule(Duration.ofHours(1), () -> ran.add(s.now()));
            s.runUntil(T0.plus(Duration.ofDays(1)), () -> false);
            assertThat(s.now()).isEqualTo(T0.plus(Duration.ofDays(1)));
        }
        assertThat(ran).containsExactly(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void an_action_that_never_returns_fails_the_run_with_where_it_stands() {
        CountDownLatch never = new CountDownLatch(1);
        try (VirtualScheduler s = new VirtualScheduler(T0, Duration.ofMillis(50), "stuck", Duration.ofMillis(300))) {
            s.schedule(Duration.ofMinutes(15), () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThatThrownBy(() -> s.runUntil(T0.plus(Duration.ofHours(1)), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("virtual time stood still at " + T0.plus(Duration.ofMinutes(15)))
                    .hasMessageContaining("CountDownLatch.await");
        } finally {
            never.countDown();
        }
    }

    @Test
    void a_thread_that_died_fails_the_run_with_its_cause() {
        try (VirtualScheduler s = new VirtualScheduler(T0, Duration.ofMillis(50), "dying", Duration.ofMinutes(5))) {
            s.schedule(Duration.ofMinutes(15), () -> {
                throw new AssertionError("a device's broken invariant");
            });
            assertThatThrownBy(() -> s.runUntil(T0.plus(Duration.ofHours(1)), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("died")
                    .hasRootCauseMessage("a device's broken invariant");
        }
    }
}
