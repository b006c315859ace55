package io.pollwatt.platform.http;

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
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.ingest.MutableClock;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running platform with a scenario's data, for the dashboard tests: the archive of a printing works (总进线 M1,
 * production P1, the duty fan T1 and its standby T2 in group G1, P1 → G1) and of a second enterprise elsewhere;
 * a DTU sends a day of HJ 212 real-time frames over TCP (built with the hj212 library) in which the duty fan stops
 * twice while P1 produces: 10:00–11:00 (closed, ALM-01) and from 21:00 to the end of the data (still open, ALM-01
 * level 2); the rules run as the platform runs them (stored → tick); the HTTP server serves API and dashboard.
 */
final class DashboardScenario implements AutoCloseable {

    static final String TOKEN = "dashboard-test-token";
    static final String MN = "0100000000000000000000D7";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The day of data. */
    static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 0, 0);
    /** The last record: the next day's 00:00, so the day's energy has both boundary readings. */
    static final LocalDateTime LAST = DAY.plusDays(1);

    static final String PRINTING = """
            id: E7
            name: 华彩印刷有限公司
            district: 临平区
            industry: 印刷
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: P1, name: 1#印刷机, kind: PROD, meter: {ct: 200/5}, limits: {pOnKw: 10, pRefKw: 50}}
              - {id: T1, name: 1#废气风机（主）, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
              - {id: T2, name: 2#废气风机（备）, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
            groups:
              - {id: G1, members: [T1, T2], required: 1}
            associations:
              - {production: [P1], groups: G1}
            devices:
              - {mn: "0100000000000000000000D7", pw: "123456", points: [M1, P1, T1, T2]}
            """;

    static final String FOUNDRY = """
            id: E8
            name: 余杭精铸厂
            district: 余杭区
            industry: 铸造
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: P1, name: 中频炉, kind: PROD, meter: {ct: 400/5}, limits: {pOnKw: 20}}
            devices:
              - {mn: "0100000000000000000000D8", pw: "123456", points: [M1, P1]}
            """;

    final Database db;
    final HttpApi api;
    private final IngestServer ingest;
    private final MutableClock clock;
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    DashboardScenario(Path dataDir) throws Exception {
        Client.quietJetty();
        // the platform's clock follows the data; it ends just after the last record arrived (the DTU is online)
        clock = new MutableClock(DAY.atZone(ZONE).toInstant());
        db = TestDatabases.open(dataDir);
        ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
        archive.importArchive(ArchiveReader.parse("E7.yaml", PRINTING));
        archive.importArchive(ArchiveReader.parse("E8.yaml", FOUNDRY));
        RuleService rules = RuleService.create(db.dataSource(), RuleConfig.defaults(), clock);
        ingest = new IngestServer(
                "127.0.0.1", 0, Mode.LENIENT, db.dataSource(), new DeviceRegistry(db.dataSource(), clock), clock);
        ingest.onStored(rules::stored);
        sendDay(rules);
        clock.set(LAST.plusMinutes(5).atZone(ZONE).toInstant());
        api = new HttpApi("127.0.0.1", 0, db.dataSource(), ingest.stats(), clock, TOKEN, RuleConfig.defaults());
    }

    /**
     * Sends the day's frames over TCP as the day goes by: each a minute after its DataTime by the platform clock,
     * the next only once the platform answered 9014 (stored); the rules run every 30 minutes of data (the platform
     * runs them every minute; what matters is staying under the 45 min after which a new alarm counts as detected
     * late), so the alarms are raised live and not as late data.
     */
    private void sendDay(RuleService rules) throws Exception {
        AtomicInteger acks = new AtomicInteger();
        Channel dtu = new Bootstrap()
                .group(clientGroup)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Hj212ChannelInitializers.install(ch.pipeline(), Mode.STRICT, Direction.DOWN, Duration.ZERO);
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                frame.message()
                                        .filter(m -> m.cn().is(Cn.DATA_ANSWER))
                                        .ifPresent(m -> acks.incrementAndGet());
                            }
                        });
                    }
                })
                .connect(ingest.address())
                .sync()
                .channel();
        List<Hj212Message> frames = frames();
        for (int i = 0; i < frames.size(); i++) {
            LocalDateTime at = DAY.plusMinutes(15L * i);
            clock.set(at.plusMinutes(1).atZone(ZONE).toInstant());
            dtu.writeAndFlush(Unpooled.wrappedBuffer(Hj212Codec.encode(frames.get(i))));
            int sent = i + 1;
            await().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(5))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> acks.get() == sent);
            if (at.getMinute() % 30 == 0) {
                rules.tick();
            }
        }
        dtu.close().syncUninterruptibly();
    }

    /** Whether the duty fan T1 is stopped at {@code t} while P1 produces (the two treatment-off episodes). */
    static boolean fanOff(LocalDateTime t) {
        return (!t.isBefore(DAY.withHour(10)) && t.isBefore(DAY.withHour(11))) || !t.isBefore(DAY.withHour(21));
    }

    /** P1 produces from 06:00 through the end of the data. */
    static boolean producing(LocalDateTime t) {
        return !t.isBefore(DAY.withHour(6));
    }

    private static List<Hj212Message> frames() {
        List<Hj212Message> out = new ArrayList<>();
        BigDecimal[] registers = {
            new BigDecimal("12000.00"), new BigDecimal("5000.00"), new BigDecimal("800.00"), new BigDecimal("300.00")
        };
        double[] previous = new double[4];
        int k = 0;
        for (LocalDateTime t = DAY; !t.isAfter(LAST); t = t.plusMinutes(15), k++) {
            double wiggle = (k % 4) * 0.1; // real meters never repeat a value for long (DQ-12)
            double p1 = producing(t) ? 50.0 + wiggle : 0.3 + wiggle / 10;
            double t1 = producing(t) && !fanOff(t) ? 20.0 + wiggle : 0.0;
            double t2 = 0.0; // the standby fan stays off
            double m1 = 8.0 + wiggle + p1 + t1 + t2;
            double[] p = {m1, p1, t1, t2};
            List<CpItem> items = new ArrayList<>();
            items.add(CpItem.of(
                    "DataTime",
                    "%04d%02d%02d%02d%02d00"
                            .formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute())));
            for (int meter = 1; meter <= 4; meter++) {
                if (k > 0) { // the register grows by the energy of the last 15 minutes
                    registers[meter - 1] = registers[meter - 1].add(BigDecimal.valueOf(previous[meter - 1] * 0.25));
                }
                previous[meter - 1] = p[meter - 1];
                items.add(item("g713%02d".formatted(meter), String.format(Locale.ROOT, "%.2f", p[meter - 1])));
                items.add(item(
                        "g718%02d".formatted(meter),
                        registers[meter - 1].setScale(2, RoundingMode.HALF_UP).toPlainString()));
            }
            Header h = Header.of(Qn.of(t), St.FLUE_GAS_PROCESS, Cn.REALTIME_DATA, "123456", MN, Flag.of(true, false));
            out.add(Hj212Message.of(h, new Cp(items)));
        }
        return out;
    }

    private static CpItem item(String code, String value) {
        return CpItem.of(new CpPair(code + "-Rtd", value), new CpPair(code + "-Flag", "N"));
    }

    @Override
    public void close() {
        api.close();
        ingest.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        db.close();
    }
}
