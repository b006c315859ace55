package io.pollwatt.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest on a real (embedded) PostgreSQL, with a device talking to it over loopback TCP. */
class IngestIT {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 8, 15);

    @TempDir
    Path dataDir;

    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Hj212Message> replies = new CopyOnWriteArrayList<>();
    private Database db;
    private IngestServer server;
    private Channel device;
    private final MutableClock clock = new MutableClock(T.toInstant(ZoneOffset.ofHours(8)));

    private void start() throws Exception {
        db = TestDatabases.open(dataDir);
        DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
        registry.register(Messages.MN, "123456", "E001");
        server = new IngestServer("127.0.0.1", 0, Mode.LENIENT, db.dataSource(), registry, clock);
        device = connect();
    }

    private Channel connect() throws InterruptedException {
        return new Bootstrap()
                .group(clientGroup)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Hj212ChannelInitializers.install(ch.pipeline(), Mode.STRICT, Direction.DOWN, Duration.ZERO);
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                frame.message().ifPresent(replies::add);
                            }
                        });
                    }
                })
                .connect(server.address())
                .sync()
                .channel();
    }

    private void stop() {
        if (device != null) {
            device.close().syncUninterruptibly();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void tearDown() {
        stop();
        TestDatabases.discard(dataDir);
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void send(byte[] frame) {
        device.writeAndFlush(Unpooled.wrappedBuffer(frame)).syncUninterruptibly();
    }

    /** The 9014 answers received (the platform may also send commands: 1012, 2051). */
    private long acks() {
        return replies.stream().filter(m -> m.cn().is(Cn.DATA_ANSWER)).count();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void an_upload_is_stored_then_acknowledged_and_a_resend_is_not_counted_twice() throws Exception {
        start();
        Hj212Message upload = Messages.electricity2011(3, T); // 12 factors × Rtd + Flag
        byte[] frame = Hj212Codec.encode(upload);
        send(frame);
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 1);
        assertThat(replies.get(0).cn().is(Cn.DATA_ANSWER)).isTrue();
        assertThat(replies.get(0).header().qn()).isEqualTo(upload.header().qn());
        assertThat(count("select count(*) from record")).isEqualTo(1);
        assertThat(count("select count(*) from record, jsonb_object_keys(cp)")).isEqualTo(24);

        send(frame); // a resend after a lost acknowledgement
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 2);
        assertThat(count("select count(*) from record")).isEqualTo(1);
        assertThat(server.stats().duplicates()).isEqualTo(1);

        // the same key with another value is kept out and reported
        String changed = new String(frame, StandardCharsets.US_ASCII).replace("g70101-Rtd=10.01", "g70101-Rtd=99.99");
        send(Hj212Codec.encodeCanonical(
                ((io.pollwatt.hj212.codec.Decoded.Ok) Hj212Codec.lenient().decode(fixLength(changed))).message()));
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 3);
        assertThat(count("select count(*) from record_conflict where name = 'g70101-Rtd'"
                        + " and stored_value = '10.01' and conflicting_value = '99.99'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from record where cp ->> 'g70101-Rtd' = '10.01'"))
                .isEqualTo(1);
        assertThat(server.stats().conflicts()).isEqualTo(1);
    }

    @Test
    void the_packets_of_one_record_make_one_record_and_a_resent_packet_adds_nothing() throws Exception {
        start();
        List<Hj212Message> packets = io.pollwatt.hj212.packet.Packetizer.split(Messages.electricity2011(30, T));
        assertThat(packets).hasSizeGreaterThan(3);
        packets.forEach(p -> send(Hj212Codec.encode(p)));
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == packets.size());
        assertThat(count("select count(*) from record")).isEqualTo(1);
        assertThat(count("select count(*) from record, jsonb_object_keys(cp)")).isEqualTo(30 * 4 * 2);
        send(Hj212Codec.encode(packets.get(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == packets.size() + 1);
        assertThat(server.stats().duplicates()).isEqualTo(1);
        assertThat(server.stats().conflicts()).isZero();
        assertThat(server.stats().records()).isEqualTo(1);
    }

    @Test
    void a_device_whose_clock_is_off_or_that_asks_gets_its_time_set_once_an_hour_at_most() throws Exception {
        start();
        // a QN 20 minutes behind the platform's clock: the device's clock is slow
        Hj212Message slow = Messages.electricity2011(1, T);
        send(Hj212Codec.encode(withQn(slow, T.minusMinutes(20))));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 2);
        assertThat(replies.get(0).cn().is(Cn.DATA_ANSWER)).isTrue();
        Hj212Message set = replies.get(1);
        assertThat(set.cn().is(Cn.SET_DEVICE_TIME)).isTrue();
        assertThat(set.header().mn()).isEqualTo(Messages.MN);
        assertThat(set.header().answerWanted()).isTrue();
        assertThat(set.cp().get("SystemTime")).contains("20260301081500");
        // still off a minute later: not again within the hour
        clock.advance(Duration.ofMinutes(1));
        send(Hj212Codec.encode(withQn(Messages.electricity2011(1, T.plusMinutes(15)), T.minusMinutes(19))));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 3);
        assertThat(server.stats().timeCalibrations()).isEqualTo(1);
        // a device that asks (1013) gets 9013 and then 1012
        Header h = slow.header();
        send(Hj212Codec.encode(Hj212Message.of(
                new Header(
                        io.pollwatt.hj212.message.Qn.of(T.plusMinutes(1)),
                        h.st(),
                        io.pollwatt.hj212.message.CommandCode.of(Cn.TIME_CALIBRATION_REQUEST),
                        h.pw(),
                        h.mn(),
                        h.flag(),
                        null,
                        List.of()),
                Cp.EMPTY)));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 5);
        assertThat(replies.get(3).cn().is(Cn.NOTIFICATION_ANSWER)).isTrue();
        assertThat(replies.get(4).cn().is(Cn.SET_DEVICE_TIME)).isTrue();
        assertThat(replies.get(4).cp().get("SystemTime")).contains("20260301081600");
    }

    @Test
    void a_gap_the_device_does_not_fill_itself_within_the_grace_is_asked_for_as_minute_data() throws Exception {
        start();
        for (int k : new int[] {0, 1, 4}) { // 08:15, 08:30, then 09:15: 08:45 and 09:00 missing
            send(Hj212Codec.encode(withQn(Messages.electricity2011(1, T.plusMinutes(15L * k)), T.plusSeconds(k))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 3);
        clock.advance(Duration.ofMinutes(30));
        // the device resends 08:45 on its own; 09:00 stays missing
        send(Hj212Codec.encode(withQn(Messages.electricity2011(1, T.plusMinutes(30)), T.plusMinutes(31))));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 4);
        assertThat(server.stats().gapRequests()).isZero(); // still within the grace
        clock.advance(Duration.ofMinutes(31));
        send(Hj212Codec.encode(withQn(Messages.electricity2011(1, T.plusMinutes(75)), T.plusMinutes(61))));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == 6);
        Hj212Message ask = replies.get(5);
        assertThat(ask.cn().is(Cn.MINUTE_DATA)).isTrue();
        assertThat(ask.cp().get("BeginTime")).contains("20260301090000");
        assertThat(ask.cp().get("EndTime")).contains("20260301090000");
        assertThat(server.stats().gapRequests()).isEqualTo(1);
    }

    private static Hj212Message withQn(Hj212Message m, LocalDateTime qnTime) {
        Header h = m.header();
        return Hj212Message.of(
                new Header(
                        io.pollwatt.hj212.message.Qn.of(qnTime),
                        h.st(),
                        h.cn(),
                        h.pw(),
                        h.mn(),
                        h.flag(),
                        h.packet(),
                        h.unknownFields()),
                m.cp());
    }

    @Test
    void unknown_devices_are_quarantined_bad_frames_logged_and_neither_acknowledged() throws Exception {
        start();
        Hj212Message stranger = Hj212Message.of(
                Messages.electricity2011(1, T).header().withQn(io.pollwatt.hj212.message.Qn.of(T)), Cp.EMPTY);
        byte[] unknown = Hj212Codec.encodeCanonical(Hj212Message.of(
                new io.pollwatt.hj212.message.Header(
                        stranger.header().qn(),
                        stranger.header().st(),
                        stranger.header().cn(),
                        "123456",
                        "0100000000000000000000FF",
                        stranger.header().flag(),
                        null,
                        List.of()),
                Messages.electricity2011(1, T).cp()));
        byte[] badCrc = Hj212Codec.encode(Messages.electricity2011(1, T));
        badCrc[badCrc.length - 3] = (byte) (badCrc[badCrc.length - 3] == '0' ? '1' : '0');
        byte[] good = Hj212Codec.encode(Messages.electricity2011(1, T.plusMinutes(15)));
        send(unknown);
        send(badCrc);
        send(good);
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 1);
        assertThat(replies.get(0).header().qn())
                .isEqualTo(
                        Messages.electricity2011(1, T.plusMinutes(15)).header().qn());
        assertThat(count("select count(*) from quarantine where reason = 'UNKNOWN_MN'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from evidence where verdict = 'REJECTED' and code = 'BAD_CRC'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from evidence")).isEqualTo(3);
    }

    @Test
    void data_and_evidence_survive_a_restart_and_the_evidence_chain_continues_across_it() throws Exception {
        start();
        for (int i = 0; i < 5; i++) {
            send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15L * i))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 5);
        stop();
        device = null;
        replies.clear(); // a new connection's answers
        start(); // the same data folder
        assertThat(count("select count(*) from record")).isEqualTo(5);
        for (int i = 5; i < 7; i++) {
            send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15L * i))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 2);
        assertThat(verifyChain(Messages.MN)).isEqualTo(7);
    }

    @Test
    void resends_and_late_records_are_told_apart_before_and_after_a_restart() throws Exception {
        start();
        send(Hj212Codec.encode(Messages.electricity2011(2, T)));
        send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(30))));
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 2);
        send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(15)))); // late, older than the newest
        send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(30)))); // a resend of the newest
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 4);
        assertThat(count("select count(*) from record")).isEqualTo(3);
        assertThat(server.stats().duplicates()).isEqualTo(1);

        stop(); // a new platform knows nothing of what its predecessor stored but what the store holds
        device = null;
        replies.clear();
        start();
        send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(30)))); // a resend of the newest
        send(Hj212Codec.encode(Messages.electricity2011(2, T))); // a resend of an older one
        send(Hj212Codec.encode(Messages.electricity2011(2, T.minusMinutes(15)))); // late, older than all
        send(Hj212Codec.encode(Messages.electricity2011(2, T.plusMinutes(45)))); // new
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 4);
        assertThat(count("select count(*) from record")).isEqualTo(5);
        assertThat(server.stats().duplicates()).isEqualTo(2);
        assertThat(server.stats().records()).isEqualTo(2);
    }

    @Test
    void many_devices_at_once_are_all_stored_answered_and_chained_each_in_its_own_order() throws Exception {
        start();
        List<String> mns = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            String mn = String.format("0100000000000000000A%04d", d);
            new DeviceRegistry(db.dataSource(), Clock.systemUTC()).register(mn, "123456", "E002");
            mns.add(mn);
        }
        List<Channel> devices = new ArrayList<>();
        for (int d = 0; d < mns.size(); d++) {
            devices.add(connect());
        }
        for (int i = 0; i < 30; i++) {
            for (int d = 0; d < mns.size(); d++) {
                devices.get(d)
                        .writeAndFlush(Unpooled.wrappedBuffer(Hj212Codec.encode(
                                withMn(Messages.electricity2011(2, T.plusMinutes(15L * i)), mns.get(d)))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acks() == 20 * 30);
        assertThat(count("select count(*) from record")).isEqualTo(20L * 30);
        assertThat(server.stats().accepted()).isEqualTo(20L * 30);
        for (String mn : mns) {
            assertThat(verifyChain(mn)).isEqualTo(30);
            assertThat(dataTimesInFilingOrder(mn))
                    .as("frames of one connection are filed in the order sent")
                    .isSorted();
        }
        devices.forEach(ch -> ch.close().syncUninterruptibly());
    }

    @Test
    void late_data_from_another_month_lands_in_its_own_partition() throws Exception {
        start();
        send(Hj212Codec.encode(Messages.electricity2011(1, T)));
        send(Hj212Codec.encode(Messages.electricity2011(1, T.minusMonths(2)))); // resent after a long outage
        await().atMost(Duration.ofSeconds(10)).until(() -> acks() == 2);
        assertThat(count("select count(*) from pg_inherits where inhparent = 'record'::regclass"))
                .isEqualTo(2);
        assertThat(count("select count(*) from record_2026_01")).isEqualTo(1);
        assertThat(count("select count(*) from record where data_time < '2026-02-01'"))
                .isEqualTo(1);
    }

    /** Checks the evidence chain of {@code mn} link by link; returns its length. */
    private int verifyChain(String mn) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select received_at, verdict, raw, prev_hash, hash from evidence where mn = '"
                                + mn + "' order by id")) {
            byte[] prev = null;
            int n = 0;
            while (rs.next()) {
                assertThat(rs.getBytes("prev_hash")).isEqualTo(prev);
                byte[] expected = EvidenceLog.hash(
                        prev, rs.getTimestamp("received_at").toInstant(), rs.getString("verdict"), rs.getBytes("raw"));
                assertThat(Arrays.equals(expected, rs.getBytes("hash"))).isTrue();
                prev = rs.getBytes("hash");
                n++;
            }
            return n;
        }
    }

    private List<String> dataTimesInFilingOrder(String mn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select raw from evidence where mn = '" + mn + "' order by id")) {
            while (rs.next()) {
                String raw = new String(rs.getBytes(1), StandardCharsets.US_ASCII);
                int at = raw.indexOf("DataTime=") + "DataTime=".length();
                out.add(raw.substring(at, at + 14));
            }
        }
        return out;
    }

    private static Hj212Message withMn(Hj212Message m, String mn) {
        io.pollwatt.hj212.message.Header h = m.header();
        return Hj212Message.of(
                new io.pollwatt.hj212.message.Header(
                        h.qn(), h.st(), h.cn(), h.pw(), mn, h.flag(), h.packet(), h.unknownFields()),
                m.cp());
    }

    /** Re-frames a frame whose segment text was edited (length and CRC recomputed). */
    private static byte[] fixLength(String frame) {
        String segment = frame.substring(6, frame.length() - 6);
        return io.pollwatt.hj212.frame.FrameWriter.frame(segment);
    }
}
