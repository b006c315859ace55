package io.pollwatt.emulator.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.device.SimTime;
import io.pollwatt.emulator.device.TestPlatform;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocCollectorTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path dir;

    private SimTime time;
    private TestPlatform platform;
    private VocCollector collector;

    private void setUp(Rs485Link line, double range) {
        time = new SimTime(T0);
        Seeds seeds = new Seeds(3);
        Enterprise e = PopulationGenerator.enterprise("E1", 8, seeds.streamFor("population/E1"));
        Twin twin = new Twin(e, List.of(), seeds, ZONE, T0);
        time.scheduler.every(T0, Duration.ofMinutes(1), () -> twin.advanceTo(time.now()));
        collector = new VocCollector(
                new FieldDevice.Identity(
                        "010000A8900016F0001C0001",
                        "000000000000000000000000",
                        true,
                        "123456",
                        St.AIR_POLLUTION_SOURCE,
                        Duration.ofSeconds(900),
                        ZONE),
                VocCollector.Codes.DEFAULT,
                "S1",
                id -> twin.stackSamples().get(0),
                line,
                range,
                RecordStore.open(dir, Duration.ofDays(30), Set.of("p")),
                time);
        platform = new TestPlatform(time);
        platform.sender = collector.connect("p", platform, Sender.Settings.defaults());
        collector.start();
    }

    private List<DataUpload> uploads() {
        return platform.received.stream().map(m -> (DataUpload) m).toList();
    }

    @Test
    void uploads_the_stack_every_quarter_hour_with_flags_from_the_analyzer() {
        setUp(Rs485Link.clean(new Random(1)), 1000);
        time.scheduler.runFor(Duration.ofHours(1).plusMinutes(1));
        collector.setAnalyzerState(VocCollector.AnalyzerState.MAINTENANCE);
        time.scheduler.runFor(Duration.ofMinutes(15));
        assertThat(platform.rejected).isEmpty();
        assertThat(uploads()).hasSize(5).allSatisfy(u -> {
            assertThat(u.header().st().text()).isEqualTo("31");
            assertThat(u.factor("a24088")).isPresent();
            assertThat(u.factor("a01011")).isPresent();
        });
        assertThat(uploads().get(0).factor("a24088").orElseThrow().flagLetter()).contains("N");
        assertThat(uploads().get(4).factor("a24088").orElseThrow().flagLetter()).contains("M");
        assertThat(uploads().get(4).factor("a01012").orElseThrow().flagLetter()).contains("M");
    }

    @Test
    void tvoc_above_the_range_is_the_range_limit_flagged_t() {
        setUp(Rs485Link.clean(new Random(1)), 0.5); // a tiny range: the background alone exceeds it
        time.scheduler.runFor(Duration.ofMinutes(16));
        var tvoc = uploads().get(0).factor("a24088").orElseThrow();
        assertThat(tvoc.flagLetter()).contains("T");
        assertThat(tvoc.literal("Rtd")).contains("0.500");
    }

    @Test
    void failed_rs485_polls_send_flag_b_and_no_values() {
        setUp(new Rs485Link(1.0, 0, 2, new Random(1)), 1000);
        time.scheduler.runFor(Duration.ofMinutes(31));
        assertThat(uploads())
                .hasSize(2)
                .allSatisfy(u -> u.factors().forEach(f -> {
                    assertThat(f.flagLetter()).contains("B");
                    assertThat(f.rtd()).isEmpty();
                }));
        assertThat(collector.failedPolls()).isEqualTo(2);
    }
}
