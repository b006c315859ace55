package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCommandIT {

    @TempDir
    Path dir;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicInteger strictFrames = new AtomicInteger();
    private final AtomicInteger badFrames = new AtomicInteger();

    @AfterEach
    void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private int platform() throws InterruptedException {
        return ((InetSocketAddress) new ServerBootstrap()
                        .group(group)
                        .channel(NioServerSocketChannel.class)
                        .childHandler(Hj212ChannelInitializers.of(
                                Mode.STRICT,
                                Direction.UP,
                                Duration.ZERO,
                                () -> new SimpleChannelInboundHandler<ReceivedFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                        if (frame.message().isEmpty()) {
                                            badFrames.incrementAndGet();
                                            return;
                                        }
                                        strictFrames.incrementAndGet();
                                        ctx.writeAndFlush(Reply.dataAnswer(
                                                frame.message().get().header()));
                                    }
                                }))
                        .bind("127.0.0.1", 0)
                        .sync()
                        .channel()
                        .localAddress())
                .getPort();
    }

    @Test
    void runs_a_generated_fleet_in_scaled_time_and_prints_a_summary() throws Exception {
        int port = platform();
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
        assertThat(badFrames.get()).isZero();
        assertThat(strictFrames.get())
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
    void max_speed_says_what_it_needs() {
        TestbedRun run = TestbedRun.run(
                "fleet", "--generate", "1", "--target", "127.0.0.1:1", "--start", "2026-03-01T00:00", "--speed", "max");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("in-process reference platform");
    }
}
