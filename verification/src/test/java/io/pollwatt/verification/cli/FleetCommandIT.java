package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.testing.LoopbackPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCommandIT {

    @TempDir
    Path dir;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void runs_a_generated_fleet_in_scaled_time_and_prints_a_summary() throws Exception {
        LoopbackPlatform platform = new LoopbackPlatform(group);
        int port = platform.address().getPort();
        TestbedRun run = TestbedRun.run(
                "fleet",
                "--generate",
                "2",
                "--points",
                "6",
                "--target",
                "127.0.0.1:" + port,
                "--start",
                "2026-03-01T00:00",
                "--days",
                "0.05",
                "--speed",
                "x3600",
                "--seed",
                "4",
                "--store",
                dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("enterprises").asInt()).isEqualTo(2);
        assertThat(summary.get("devices").asInt()).isEqualTo(4);
        assertThat(summary.get("recordsBuilt").asLong()).isPositive();
        assertThat(summary.get("framesAcked").asLong())
                .isEqualTo(summary.get("recordsBuilt").asLong());
        assertThat(summary.get("unsent").asLong()).isZero();
        assertThat(platform.rejected).isEmpty();
        assertThat(platform.received.size())
                .isGreaterThanOrEqualTo(summary.get("framesAcked").asInt());
        assertThat(run.err()).contains("fleet: 2026-03-01T");
    }

    @Test
    void a_bad_site_file_fails_before_anything_connects() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: E1\nname: x\npoints: 7\n");
        TestbedRun run = TestbedRun.run(
                "fleet", "--sites", bad.toString(), "--target", "127.0.0.1:1", "--start", "2026-03-01T00:00");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:").contains("nothing connected");
    }

    @Test
    void max_speed_runs_a_day_in_virtual_time_against_the_in_process_platform() throws Exception {
        TestbedRun run = TestbedRun.run(
                "fleet",
                "--sites",
                "food",
                "--generate",
                "1",
                "--points",
                "4",
                "--start",
                "2026-03-01T00:00",
                "--days",
                "1",
                "--speed",
                "max",
                "--seed",
                "5",
                "--store",
                dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("simulatedTo").asText()).isEqualTo("2026-03-02T00:00");
        // every 15-minute record of the day (and the hourly and daily ones) built, sent, acknowledged and stored
        assertThat(summary.get("recordsBuilt").asLong())
                .isGreaterThanOrEqualTo(96L * summary.get("devices").asInt());
        assertThat(summary.get("framesAcked").asLong())
                .isEqualTo(summary.get("recordsBuilt").asLong());
        assertThat(summary.get("unsent").asLong()).isZero();
        JsonNode platform = summary.get("platform");
        assertThat(platform.get("accepted").asLong())
                .isEqualTo(summary.get("framesAcked").asLong());
        assertThat(platform.get("quarantined").asLong())
                .as("the site's MNs are the archive's")
                .isZero();
        assertThat(platform.get("rejected").asLong()).isZero();
        assertThat(run.err()).contains("fleet: 2026-03-02T00:00 (100%)");
    }

    @Test
    void scaled_speeds_need_a_target() {
        TestbedRun run = TestbedRun.run("fleet", "--generate", "1", "--start", "2026-03-01T00:00", "--speed", "x60");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--target HOST:PORT is required with --speed x60");
    }
}
