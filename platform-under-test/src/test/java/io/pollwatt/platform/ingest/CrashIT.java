package io.pollwatt.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.StreamDecoder;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of ingest: the platform process and its embedded PostgreSQL are killed outright while
 * devices are sending; after a restart on the same folder every record the platform acknowledged is there, the
 * devices resend what was not acknowledged, and nothing is stored twice.
 */
class CrashIT {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 0, 0);
    private static final int DEVICES = 4;
    private static final int RECORDS = 60;

    @TempDir
    Path dir;

    private Process platform;
    private volatile int port;

    @AfterEach
    void tearDown() throws Exception {
        if (platform != null && platform.isAlive()) {
            platform.getOutputStream().close();
            platform.waitFor(60, TimeUnit.SECONDS);
            platform.destroyForcibly();
        }
    }

    private static String mn(int d) {
        return String.format("0100000000000000CC%06d", d);
    }

    private void startPlatform() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                CrashablePlatform.class.getName(),
                dir.resolve("pg").toString()));
        for (int d = 0; d < DEVICES; d++) {
            command.add(mn(d));
        }
        platform = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("port ")) {
            // start-up log
        }
        assertThat(line).as("the platform process printed its port").isNotNull();
        port = Integer.parseInt(line.substring("port ".length()));
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "platform-output");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Kills the platform outright; with {@code database} its database server too, as a power cut would, otherwise
     * the embedded server is left running on the folder with nobody to stop it.
     */
    private void kill(boolean database) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid"))
                .get(0)
                .strip());
        platform.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        if (database) {
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        } else {
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        }
    }

    @Test
    void killing_platform_and_database_loses_no_acknowledged_record_and_stores_none_twice() throws Exception {
        crashAndRecover(true);
    }

    @Test
    void a_platform_killed_alone_takes_over_its_orphaned_database_on_restart() throws Exception {
        crashAndRecover(false);
    }

    private void crashAndRecover(boolean database) throws Exception {
        assumeTrue(TestDatabases.external().isEmpty(), "kills the embedded server: only with the embedded PostgreSQL");
        startPlatform();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger sends = new AtomicInteger();
        List<Thread> devices = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            Thread t = new Thread(() -> runDevice(device, acked, sends), "device-" + d);
            t.setDaemon(true);
            t.start();
            devices.add(t);
        }
        // in the middle of ingest: some records acknowledged, devices still sending
        await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= DEVICES * RECORDS / 3);
        Set<String> ackedBeforeCrash = Set.copyOf(acked);
        kill(database);
        startPlatform(); // the devices find it again on its new port and resend
        for (Thread t : devices) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(t.isAlive())
                    .as(t.getName() + " got every record acknowledged")
                    .isFalse();
        }
        assertThat(acked).hasSize(DEVICES * RECORDS);
        platform.getOutputStream().close();
        assertThat(platform.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (Database db = Database.embedded(dir.resolve("pg"));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            try (ResultSet rs = s.executeQuery("select mn, data_time, cp ->> 'g70101-Rtd' from record")) {
                while (rs.next()) {
                    assertThat(stored.add(
                                    rs.getString(1) + "/" + rs.getTimestamp(2).toLocalDateTime()))
                            .isTrue();
                    assertThat(rs.getString(3)).isEqualTo("10.01");
                }
            }
            assertThat(stored).containsAll(ackedBeforeCrash).hasSize(DEVICES * RECORDS);
            try (ResultSet rs = s.executeQuery("select count(*) from record_conflict")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        assertThat(sends.get()).as("some records were sent more than once").isGreaterThan(DEVICES * RECORDS);
    }

    /**
     * A device with stop-and-wait: each record until it is acknowledged, 2 s per attempt, reconnecting (to wherever
     * the platform now listens) after a failure, as a DTU's store-and-forward does.
     */
    private void runDevice(int device, Set<String> acked, AtomicInteger sends) {
        int next = 0;
        while (next < RECORDS) {
            // the platform may be down or restarting: Awaitility polls until a connection is taken
            try (Socket socket = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(this::connect, Objects::nonNull)) {
                socket.setSoTimeout(2000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                StreamDecoder replies = new StreamDecoder(Hj212Codec.lenient(), Direction.DOWN);
                while (next < RECORDS) {
                    LocalDateTime at = T.plusMinutes(15L * next);
                    Hj212Message m = Messages.electricity2011(1, at);
                    Header h = m.header();
                    Hj212Message mine = Hj212Message.of(
                            new Header(
                                    h.qn(),
                                    h.st(),
                                    h.cn(),
                                    h.pw(),
                                    mn(device),
                                    h.flag(),
                                    h.packet(),
                                    h.unknownFields()),
                            m.cp());
                    out.write(Hj212Codec.encode(mine));
                    out.flush();
                    sends.incrementAndGet();
                    if (awaitAnswer(in, replies, h.qn().text())) {
                        acked.add(mn(device) + "/" + at);
                        next++;
                    }
                }
            } catch (IOException e) {
                // the platform went away mid-exchange: reconnect and resend what is unacknowledged, as a DTU does
            }
        }
    }

    /** A connection to wherever the platform listens now, or {@code null} while it is down. */
    private Socket connect() {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was open
            }
            return null;
        }
    }

    private static boolean awaitAnswer(InputStream in, StreamDecoder replies, String qn) throws IOException {
        byte[] buf = new byte[4096];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (n < 0) {
                throw new IOException("closed by the platform");
            }
            for (StreamDecoder.Result r : replies.feed(buf, 0, n)) {
                if (r.decoded() instanceof Decoded.Ok ok
                        && qn.equals(ok.message().header().qn().text())) {
                    return true;
                }
            }
        }
    }
}
