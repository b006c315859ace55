package io.pollwatt.benchmarks;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.net.TcpUplink;
import io.pollwatt.emulator.record.MeterPoll;
import io.pollwatt.emulator.record.RecordBuilder;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.twin.electric.MeterCondition;
import io.pollwatt.twin.electric.MeterView;
import io.pollwatt.twin.electric.ThreePhaseLoad;
import io.pollwatt.twin.electric.Wiring;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The emulators' connection benchmark (device-emulators issue): one process holds {@code devices} DTU connections
 * to a discarding loopback server (a separate process, {@link DiscardServer}) and, for {@code seconds}, each DTU in
 * turn builds a strict 2011 record of two meters with a fresh QN, encodes it and sends it. Reports frames per second
 * and the heap held per connected DTU.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.pollwatt.benchmarks.FleetSendBenchmark [devices] [seconds]
 * </pre>
 */
public final class FleetSendBenchmark {

    private FleetSendBenchmark() {}

    /** Runs it. */
    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(
                        javaBin, "-cp", System.getProperty("java.class.path"), DiscardServer.class.getName())
                .redirectErrorStream(true)
                .start();
        BufferedReader serverOut =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = serverOut.readLine();
        while (first != null && !first.startsWith("port ")) {
            first = serverOut.readLine();
        }
        if (first == null) {
            throw new IllegalStateException("the discard server did not start");
        }
        int port = Integer.parseInt(first.substring("port ".length()));

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        List<TcpUplink> uplinks = new ArrayList<>(devices);
        List<RecordBuilder> builders = new ArrayList<>(devices);
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < devices; i++) {
            TcpUplink uplink = new TcpUplink(group, target, Duration.ofSeconds(1), Runnable::run);
            uplink.start(new TcpUplink.Listener() {
                @Override
                public void onFrame(Decoded decoded) {}

                @Override
                public void onUp() {}

                @Override
                public void onDown() {}
            });
            uplinks.add(uplink);
            builders.add(new RecordBuilder(
                    FactorCodeTable.pollwattDefault(),
                    EnumSet.allOf(io.pollwatt.emulator.code.Quantity.class),
                    "%024X".formatted(0x0100_0000_0000_0000L + i),
                    "123456"));
            if (i % 500 == 499) {
                Thread.sleep(50); // let the connects drain; the accept queue is finite
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (uplinks.stream().filter(TcpUplink::isUp).count() < devices && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long connected = uplinks.stream().filter(TcpUplink::isUp).count();
        System.gc();
        long heapPerDevice = (memory.getHeapMemoryUsage().getUsed() - heapBefore) / Math.max(1, connected);

        List<MeterPoll> polls = List.of(new MeterPoll.Read(
                1,
                MeterView.measure(
                        ThreePhaseLoad.balanced(220, 55, 0.85, 50),
                        Wiring.THREE_PHASE_FOUR_WIRE,
                        MeterCondition.NORMAL),
                12345.67,
                0));
        LocalDateTime dataTime = LocalDateTime.of(2026, 3, 1, 8, 15);
        long frames = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        int qnMillis = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < devices; i++) {
                LocalDateTime qn = dataTime.plusNanos((qnMillis++ % 1000) * 1_000_000L);
                byte[] frame = Hj212Codec.encode(builders.get(i).realtime(dataTime, qn, polls), Direction.UP);
                if (uplinks.get(i).send(frame)) {
                    frames++;
                    bytes += frame.length;
                }
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "fleet: %d of %d DTUs connected; %,d frames (%,d bytes, %d bytes each) in %.1f s = %,.0f frames/s;"
                        + " heap %,d bytes per connected DTU%n",
                connected,
                devices,
                frames,
                bytes,
                frames == 0 ? 0 : bytes / frames,
                elapsed,
                frames / elapsed,
                heapPerDevice);
        uplinks.forEach(TcpUplink::close);
        group.shutdownGracefully().syncUninterruptibly();
        server.getOutputStream().close();
        String line;
        while ((line = serverOut.readLine()) != null) {
            System.out.println("server: " + line);
        }
        server.waitFor();
    }
}
