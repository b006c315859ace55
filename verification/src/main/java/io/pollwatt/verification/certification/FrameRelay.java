package io.pollwatt.verification.certification;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.netty.Hj212FrameDecoder;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HJ 212 relay between devices and a platform: every connection a device opens to it is carried on to the
 * platform, frame by frame, through a {@link Tap} that sees each frame and decides what to pass on, hold back or add.
 * Frames are split with the lenient framer and passed on as the bytes that came (skipped garbage too), so a tap that
 * forwards everything makes the relay invisible.
 *
 * <pre>
 *   device ──► relay (listen) ──► platform
 *          ◄──                ◄──
 * </pre>
 */
public final class FrameRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRelay.class);

    /** What the relay does with frames; both methods run on Netty threads and must not block for long. */
    public interface Tap {
        /** A frame from the device; {@link Link#toPlatform} passes it on. */
        void fromDevice(Link link, ReceivedFrame frame);

        /** A frame from the platform; {@link Link#toDevice} passes it on. */
        void fromPlatform(Link link, ReceivedFrame frame);

        /** The device hung up; what the tap still holds for the platform goes now, before that side closes too. */
        default void deviceGone(Link link) {}
    }

    /** A tap that passes every frame on unchanged. */
    public static final Tap TRANSPARENT = new Tap() {
        @Override
        public void fromDevice(Link link, ReceivedFrame frame) {
            link.toPlatform(frame.raw().toByteArray());
        }

        @Override
        public void fromPlatform(Link link, ReceivedFrame frame) {
            link.toDevice(frame.raw().toByteArray());
        }
    };

    /** One device connection and its connection to the platform. */
    public static final class Link {
        private final int number;
        private final Channel device;
        private volatile Channel platform;

        private Link(int number, Channel device) {
            this.number = number;
            this.device = device;
        }

        /** The connection's number, from 1 in order of connecting. */
        public int number() {
            return number;
        }

        /** Sends bytes to the platform (dropped when that connection is gone). */
        public void toPlatform(byte[] bytes) {
            Channel p = platform;
            if (p != null && p.isActive()) {
                p.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
        }

        /** Sends bytes to the device (dropped when that connection is gone). */
        public void toDevice(byte[] bytes) {
            if (device.isActive()) {
                device.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
        }
    }

    private final Channel server;
    private final AtomicInteger links = new AtomicInteger();

    /**
     * Listens on {@code bind} (port 0: any) and relays every connection to {@code platform}.
     *
     * @param group the event loops of both sides
     */
    public FrameRelay(InetSocketAddress bind, InetSocketAddress platform, Tap tap, EventLoopGroup group)
            throws InterruptedException {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tap, "tap");
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false) // nothing is read before the platform side is up
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Link link = new Link(links.incrementAndGet(), ch);
                        ch.pipeline()
                                .addLast(new Hj212FrameDecoder(Hj212Codec.lenient(), Direction.UP))
                                .addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        connect(link, ch, platform, tap);
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame f) {
                                        tap.fromDevice(link, f);
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        tap.deviceGone(link);
                                        Channel p = link.platform;
                                        if (p != null) {
                                            p.close();
                                        }
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        LOG.debug("relay link {}: device side: {}", link.number, cause.toString());
                                        ctx.close();
                                    }
                                });
                    }
                })
                .bind(bind)
                .sync()
                .channel();
    }

    private static void connect(Link link, Channel device, InetSocketAddress platform, Tap tap) {
        new Bootstrap()
                .group(device.eventLoop())
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new Hj212FrameDecoder(Hj212Codec.lenient(), Direction.DOWN))
                                .addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame f) {
                                        tap.fromPlatform(link, f);
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        device.close();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        LOG.debug("relay link {}: platform side: {}", link.number, cause.toString());
                                        ctx.close();
                                    }
                                });
                    }
                })
                .connect(platform)
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        link.platform = f.channel();
                        device.config().setAutoRead(true);
                        device.read();
                    } else {
                        LOG.warn(
                                "relay link {}: cannot reach the platform at {}: {}",
                                link.number,
                                platform,
                                f.cause().toString());
                        device.close();
                    }
                });
    }

    /** Where devices connect. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
