package io.pollwatt.emulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReattachTest {

    private static final List<Window> OUTAGES = List.of(
            new Window(Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T08:00:00Z")),
            new Window(Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-02T03:00:00Z")));

    @Test
    void a_link_comes_back_five_to_sixty_seconds_after_the_coverage_and_each_device_at_its_own_time() {
        Seeds seeds = new Seeds(9);
        List<Window> a = Fleet.reattached(OUTAGES, seeds.streamFor("4g/E1/A"));
        List<Window> b = Fleet.reattached(OUTAGES, seeds.streamFor("4g/E1/B"));
        for (int i = 0; i < OUTAGES.size(); i++) {
            assertThat(a.get(i).start()).isEqualTo(OUTAGES.get(i).start());
            Duration late = Duration.between(OUTAGES.get(i).end(), a.get(i).end());
            assertThat(late).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(60));
        }
        assertThat(a).isNotEqualTo(b);
        assertThat(Fleet.reattached(OUTAGES, new Seeds(9).streamFor("4g/E1/A"))).isEqualTo(a); // same seed, same run
    }
}
