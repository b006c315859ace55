package io.pollwatt.benchmarks;

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
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's ingest benchmark (platform issue: ≥ 100,000 point-records/s, ack p99 < 50 ms at half that load).
 * Starts the platform in a child process ({@link BenchPlatform}, embedded PostgreSQL), connects {@code devices}
 * devices over loopback and has each send 2011 uploads of {@code points} meters (4 quantities each, {@code -Rtd}
 * and {@code -Flag}), a new DataTime every frame, keeping at most {@code window} unanswered frames; with a
 * {@code rate} (frames/s in all) the sends are paced instead of as fast as the answers come. Counts what is
 * acknowledged with 9014 (after the platform's commit) and the time from send to answer.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.pollwatt.benchmarks.IngestBenchmark \
 *        [devices=200] [points=30] [seconds=30] [window=2] [rate=0: as fast as acked] [jdbc-url]
 * </pre>
 *
 * <p>{@code -Dplatform.jvm="-XX:+UseZGC -Xlog:gc"} passes JVM options to the platform's process only.
 */
public final class IngestBenchmark {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 0, 0);

    private IngestBenchmark() {}

    /** Device {@code d}'s MN. */
    static String mn(int d) {
        return String.format(Locale.ROOT, "0100000000000000B%07d", d);
    }

    /** One device: its connection, its next record number and the send time of each unanswered QN. */
    private static final class Device {
        final int number;
        final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
        Channel channel;
        long next;
        StringBuilder template;
        int qnAt;
        int dataTimeAt;

        Device(int number) {
            this.number = number;
        }
    }

    /** Runs it. */
    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin));
        // JVM options for the platform's process alone (a collector, a heap size, -Xlog:gc), to measure them
        String platformJvm = System.getProperty("platform.jvm", "").trim();
        if (!platformJvm.isEmpty()) {
            command.addAll(Arrays.asList(platformJvm.split("\\s+")));
        }
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), BenchPlatform.class.getName(), "" + devices));
        if (args.length > 5) {
            command.add(args[5]);
        }
        Process platform = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("port ")) {
            line = out.readLine();
        }
        if (line == null) {
            throw new IllegalStateException("the platform did not start");
        }
        int port = Integer.parseInt(line.substring("port ".length()));
        Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "platform-output");
        drain.setDaemon(true);
        drain.start();

        AtomicLong acked = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long[] measuring = {Long.MAX_VALUE};
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<Device> all = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            Device device = new Device(d);
            all.add(device);
            device.channel = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            Hj212ChannelInitializers.install(
                                    ch.pipeline(), Mode.LENIENT, Direction.DOWN, Duration.ZERO);
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                    frame.message().ifPresent(m -> {
                                        Long at = device.pending.remove(
                                                m.header().qn().text());
                                        if (at == null) {
                                            return;
                                        }
                                        long now = System.nanoTime();
                                        if (now >= measuring[0]) {
                                            acked.incrementAndGet();
                                            latencies.add(new long[] {now - at});
                                        }
                                        if (rate == 0) {
                                            send(device, points);
                                            sent.incrementAndGet();
                                        }
                                    });
                                }
                            });
                        }
                    })
                    .connect("127.0.0.1", port)
                    .sync()
                    .channel();
        }
        if (rate == 0) {
            for (Device d : all) {
                for (int w = 0; w < window; w++) {
                    d.channel.eventLoop().execute(() -> send(d, points));
                }
            }
        } else {
            // each device on its own period (devices ÷ rate), spread over it, on its connection's event loop
            long periodNanos = 1_000_000_000L * all.size() / rate;
            for (int i = 0; i < all.size(); i++) {
                Device d = all.get(i);
                d.channel
                        .eventLoop()
                        .scheduleAtFixedRate(
                                () -> {
                                    if (d.pending.size() < window) {
                                        send(d, points);
                                        sent.incrementAndGet();
                                    }
                                },
                                periodNanos * i / all.size(),
                                periodNanos,
                                TimeUnit.NANOSECONDS);
            }
        }
        Thread.sleep(Math.min(10, seconds) * 1000L); // warm-up, not measured
        measuring[0] = System.nanoTime();
        long start = measuring[0];
        Thread.sleep(seconds * 1000L);
        long elapsed = System.nanoTime() - start;
        long frames = acked.get();
        long[] lat = latencies.stream().mapToLong(a -> a[0]).toArray();
        Arrays.sort(lat);
        double fps = frames * 1e9 / elapsed;
        System.out.printf(
                Locale.ROOT,
                "ingest: %d devices, %d points per frame, window %d, rate %s: %,.0f frames/s acknowledged = %,.0f"
                        + " point-records/s; ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answers in %.1f s)%n",
                devices,
                points,
                window,
                rate == 0 ? "as fast as acked" : rate + "/s",
                fps,
                fps * points,
                pct(lat, 0.50),
                pct(lat, 0.99),
                lat.length == 0 ? 0.0 : lat[lat.length - 1] / 1e6,
                frames,
                elapsed / 1e9);
        for (Device d : all) {
            d.channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        OutputStream stdin = platform.getOutputStream();
        stdin.close();
        platform.waitFor(60, TimeUnit.SECONDS);
        drain.join(1000);
        platform.destroy();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0
                ? 0.0
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * Sends the device's next record (on its event loop): the device's template segment with a new QN and
     * DataTime written over the old ones (fixed widths), framed with a fresh CRC, so that building frames costs the
     * driver little next to the platform it measures.
     */
    private static void send(Device d, int points) {
        if (d.template == null) {
            Hj212Message m = Messages.electricity2011(points, T0);
            Header h = m.header();
            Hj212Message mine = Hj212Message.of(
                    new Header(
                            Qn.of(T0), h.st(), h.cn(), h.pw(), mn(d.number), h.flag(), h.packet(), h.unknownFields()),
                    m.cp());
            byte[] frame = Hj212Codec.encodeCanonical(mine);
            d.template = new StringBuilder(new String(frame, 6, frame.length - 12, StandardCharsets.US_ASCII));
            d.qnAt = d.template.indexOf("QN=") + 3;
            d.dataTimeAt = d.template.indexOf("DataTime=") + 9;
        }
        LocalDateTime at = T0.plusMinutes(15 * d.next);
        String qn = QN.format(at.plusNanos((d.next % 1000) * 1_000_000L));
        d.template.replace(d.qnAt, d.qnAt + 17, qn);
        d.template.replace(d.dataTimeAt, d.dataTimeAt + 14, DATA_TIME.format(at));
        d.next++;
        d.pending.put(qn, System.nanoTime());
        d.channel.writeAndFlush(Unpooled.wrappedBuffer(FrameWriter.frame(d.template.toString())));
    }

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
}
