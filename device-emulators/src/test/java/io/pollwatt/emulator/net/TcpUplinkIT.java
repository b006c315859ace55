package io.pollwatt.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.emulator.testing.LoopbackPlatform;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.DataUpload;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender over a real TCP connection on loopback, against a test server that acknowledges what it stores. */
class TcpUplinkIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private WallClockScheduler scheduler;
    private TcpUplink uplink;
    private RecordStore store;

    @AfterEach
    void tearDown() {
        if (uplink != null) {
            uplink.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (store != null) {
            store.close();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private long append(int i) {
        LocalDateTime t = LocalDateTime.of(2026, 3, 1, 0, 0).plusMinutes(15L * i);
        byte[] frame = Hj212Codec.encode(Messages.electricity2011(2, t));
        String segment = new String(frame, 6, frame.length - 12, StandardCharsets.UTF_8);
        return store.append(t.atZone(ZONE).toInstant(), "2011", segment);
    }

    @Test
    void records_travel_over_tcp_and_are_settled_by_the_platforms_9014() throws Exception {
        LoopbackPlatform platform = new LoopbackPlatform(group);
        InetSocketAddress address = platform.address();
        store = RecordStore.open(dir, Duration.ofDays(30), Set.of("p"));
        scheduler = new WallClockScheduler(Clock.systemUTC(), "dtu-test");
        uplink = new TcpUplink(group, address, Duration.ofMillis(100), scheduler::execute);
        Sender sender = new Sender(
                "p",
                store,
                uplink,
                scheduler,
                ZONE,
                new Sender.Settings(Duration.ofSeconds(2), 3, 6000, Duration.ofMillis(200)));
        uplink.start(new TcpUplink.Listener() {
            @Override
            public void onFrame(Decoded decoded) {
                sender.onFrame(decoded);
            }

            @Override
            public void onUp() {
                sender.linkUp();
            }

            @Override
            public void onDown() {
                sender.linkDown();
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(uplink::isUp);
        for (int i = 0; i < 20; i++) {
            long seq = append(i);
            scheduler.execute(() -> sender.offerLive(seq));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> store.unsentCount("p") == 0);
        assertThat(platform.received).hasSize(20);

        // an outage: the platform's side drops the connection; records stored meanwhile are resent on reconnect
        platform.dropConnections();
        for (int i = 20; i < 30; i++) {
            long seq = append(i);
            scheduler.execute(() -> sender.offerLive(seq));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> store.unsentCount("p") == 0);
        List<String> times = platform.received.stream()
                .map(m -> ((DataUpload) m).dataTimeText())
                .toList();
        assertThat(times).hasSize(30).doesNotHaveDuplicates();
    }
}
