package io.pollwatt.certification.device;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Recorder;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.netty.Hj212FrameDecoder;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tester's side of the TCP connection (hj212-2017.md §1: the device connects, the platform listens): one device
 * at a time, every byte recorded both ways. Frames are delimited by hj212-netty's lenient framer and handed on as
 * they came, so that the judge sees exactly what the device sent. Connections can be refused for a while and
 * accepted again on the same port (RSD-01).
 */
final class TesterLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TesterLink.class);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Recorder recorder;
    private final BiConsumer<Integer, ReceivedFrame> onFrame;
    private InetSocketAddress address;
    private Channel server;
    private volatile Channel current;
    private volatile int connection;

    TesterLink(Recorder recorder, BiConsumer<Integer, ReceivedFrame> onFrame) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
    }

    /** Listens on {@code listen} (port 0: any free port). */
    synchronized InetSocketAddress listen(InetSocketAddress listen) throws IOException, InterruptedException {
        io.netty.channel.ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // lenient framing: a frame with a wrong length or CRC is still delimited and recorded
                        ch.pipeline().addLast(new Hj212FrameDecoder(Hj212Codec.lenient(), Direction.UP));
                        ch.pipeline().addLast(new Handler());
                    }
                })
                .bind(listen)
                .await();
        if (!bound.isSuccess()) {
            throw new IOException(
                    "cannot listen on " + listen + ": " + bound.cause().getMessage(), bound.cause());
        }
        server = bound.channel();
        address = (InetSocketAddress) server.localAddress();
        return address;
    }

    private final class Handler extends SimpleChannelInboundHandler<ReceivedFrame> {
        private int number;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            synchronized (TesterLink.this) {
                Channel previous = current;
                number = ++connection;
                current = ctx.channel();
                recorder.event(
                        number,
                        CaptureEntry.Kind.OPEN,
                        String.valueOf(ctx.channel().remoteAddress()));
                if (previous != null && previous.isActive()) {
                    previous.close(); // one device: a reconnect replaces the old connection
                }
                TesterLink.this.notifyAll();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            recorder.event(number, CaptureEntry.Kind.CLOSE, "");
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
            recorder.bytes(number, CaptureEntry.Way.UP, frame.raw().toByteArray());
            onFrame.accept(number, frame);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("connection {}: {}", number, cause.toString());
            ctx.close();
        }
    }

    /** Sends bytes to the device on the current connection (recorded first); false when none is up. */
    synchronized boolean send(byte[] frame) {
        Channel c = current;
        if (c == null || !c.isActive()) {
            return false;
        }
        recorder.bytes(connection, CaptureEntry.Way.DOWN, frame);
        c.writeAndFlush(Unpooled.wrappedBuffer(frame));
        return true;
    }

    /** Waits up to {@code wall} for a connection (a new one when {@code after} connections were seen). */
    synchronized boolean awaitConnection(int after, Duration wall) throws InterruptedException {
        long until = System.nanoTime() + wall.toNanos();
        while (connection <= after || current == null || !current.isActive()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
        return true;
    }

    /** Connections seen so far. */
    int connections() {
        return connection;
    }

    /** Stops listening and drops the connection: the device's connection attempts are refused. */
    synchronized void refuse() throws InterruptedException {
        server.close().sync();
        Channel c = current;
        if (c != null) {
            c.close().sync();
        }
    }

    /** Listens again on the same address. */
    void accept() throws IOException, InterruptedException {
        listen(address);
    }

    /** Where the tester listens. */
    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        Channel c = current;
        if (c != null) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
