package io.pollwatt.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input from some connections never stops a valid device being served: garbage, frames with bad CRCs,
 * oversized frames and a hundred idle connections at once, while a registered device uploads and gets every
 * record acknowledged.
 */
class FloodIT {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 0, 0);

    @TempDir
    Path dir;

    private Database db;
    private IngestServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
            TestDatabases.discard(dir);
        }
    }

    @Test
    void a_valid_device_is_served_through_a_flood_of_garbage_bad_frames_and_idle_connections() throws Exception {
        Clock clock = Clock.fixed(T.toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
        db = TestDatabases.open(dir);
        DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
        registry.register(Messages.MN, "123456", "E001");
        server = new IngestServer("127.0.0.1", 0, Mode.LENIENT, db.dataSource(), registry, clock);
        int port = server.address().getPort();
        for (int i = 0; i < 100; i++) { // connected, silent
            sockets.add(new Socket("127.0.0.1", port));
        }
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong floodBytes = new AtomicLong();
        Thread flood = new Thread(
                () -> {
                    Random random = new Random(7);
                    byte[] badCrc = Hj212Codec.encode(Messages.electricity2011(2, T));
                    badCrc[badCrc.length - 3] ^= 1;
                    byte[] oversized =
                            ("##9999ST=22;" + "x".repeat(12_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        OutputStream out = s.getOutputStream();
                        byte[] noise = new byte[4096];
                        while (flooding.get()) {
                            random.nextBytes(noise);
                            out.write(noise);
                            out.write(badCrc);
                            out.write(oversized);
                            floodBytes.addAndGet(noise.length + badCrc.length + oversized.length);
                        }
                    } catch (Exception e) {
                        // the platform may close a connection that sends only garbage: that is its right
                    }
                },
                "flood");
        flood.start();
        try (Socket device = new Socket("127.0.0.1", port)) {
            device.setSoTimeout(10_000);
            OutputStream out = device.getOutputStream();
            InputStream in = device.getInputStream();
            for (int k = 0; k < 20; k++) {
                out.write(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15L * k))));
                out.flush();
                assertThat(readUntilAck(in))
                        .as("record %d acknowledged during the flood", k)
                        .isTrue();
            }
        } finally {
            flooding.set(false);
            flood.join(10_000);
        }
        assertThat(floodBytes.get()).isGreaterThan(100_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().records() == 20);
        assertThat(server.stats().rejected()).isPositive();
    }

    private static boolean readUntilAck(InputStream in) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[1024];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                return false;
            }
            seen.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
            if (seen.indexOf("CN=9014") >= 0) {
                return true;
            }
        }
    }
}
