package io.pollwatt.emulator.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoraLinkTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void airtime_follows_the_semtech_formula() {
        assertThat(LoraLink.airtime(7, 20).toNanos() / 1e6).isCloseTo(56.576, within(0.01));
        assertThat(LoraLink.airtime(12, 20).toNanos() / 1e6).isCloseTo(1318.912, within(0.01));
    }

    @Test
    void the_duty_cycle_forbids_sending_again_too_soon() {
        LoraLink link = new LoraLink(new LoraLink.Config(12, 0, 0.01, 0, Duration.ZERO, Duration.ZERO), new Random(1));
        assertThat(link.transmit(T0, 20)).isInstanceOf(LoraLink.Delivered.class);
        // 1.32 s on air at 1 % duty: about 130 s of silence
        assertThat(link.transmit(T0.plusSeconds(60), 20)).isEqualTo(new LoraLink.Lost(LoraLink.Reason.DUTY_CYCLE));
        assertThat(link.transmit(T0.plusSeconds(140), 20)).isInstanceOf(LoraLink.Delivered.class);
    }

    @Test
    void random_loss_matches_its_probability_and_is_reproducible() {
        LoraLink.Config lossy = new LoraLink.Config(7, 0.2, 1.0, 0, Duration.ZERO, Duration.ZERO);
        LoraLink a = new LoraLink(lossy, new Random(7));
        LoraLink b = new LoraLink(lossy, new Random(7));
        int lost = 0;
        for (int i = 0; i < 10_000; i++) {
            LoraLink.Outcome o = a.transmit(T0.plusSeconds(60L * i), 20);
            assertThat(b.transmit(T0.plusSeconds(60L * i), 20)).isEqualTo(o);
            if (o instanceof LoraLink.Lost) {
                lost++;
            }
        }
        assertThat(lost / 10_000.0).isCloseTo(0.2, within(0.02));
    }

    @Test
    void interference_bursts_lose_everything_while_they_last() {
        LoraLink link =
                new LoraLink(new LoraLink.Config(7, 0, 1.0, 2, Duration.ofMinutes(10), Duration.ZERO), new Random(3));
        int interfered = 0;
        for (int i = 0; i < 24 * 60; i++) {
            if (link.transmit(T0.plusSeconds(60L * i), 20).equals(new LoraLink.Lost(LoraLink.Reason.INTERFERENCE))) {
                interfered++;
            }
        }
        // about 2 bursts an hour of 10 minutes each cover a good share of the day, but not all of it
        assertThat(interfered).isBetween(200, 1200);
    }
}
