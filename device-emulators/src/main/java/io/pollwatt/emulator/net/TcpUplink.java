package io.pollwatt.emulator.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.pollwatt.emulator.device.Uplink;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTU's 4G connection as a TCP client (hj212-2017.md §1: the field device connects, the platform listens): frames
 * out, decoded frames in (handed to the device's thread), reconnect after a delay when the connection drops. The
 * link state changes are reported so the device can resend (断点续传).
 */
public final class TcpUplink implements Uplink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpUplink.class);

    /** What the device hears from the link, on its own thread. */
    public interface Listener {
        /** A frame from the platform. */
        void onFrame(Decoded decoded);

        /** The connection is up. */
        void onUp();

        /** The connection is down. */
        void onDown();
    }

    private final EventLoopGroup group;
    private final InetSocketAddress target;
    private final Duration reconnectDelay;
    private final Consumer<Runnable> deviceThread;
    private final BiConsumer<Duration, Runnable> later;
    private volatile Listener listener;
    private volatile Channel channel;
    private volatile boolean closed;
    private volatile boolean connecting;

    /**
     * A link to {@code target} on {@code group}'s event loops; {@code deviceThread} runs the device's callbacks
     * (for example {@link WallClockScheduler#execute}).
     */
    public TcpUplink(
            EventLoopGroup group, InetSocketAddress target, Duration reconnectDelay, Consumer<Runnable> deviceThread) {
        this(group, target, reconnectDelay, deviceThread, null);
    }

    /**
     * As above, with the reconnect delay counted by {@code later} (called on the device's thread): a device on a
     * simulated clock waits its back-off in simulated time, as it does everything else, not in wall time while its
     * clock runs on without it.
     */
    public TcpUplink(
            EventLoopGroup group,
            InetSocketAddress target,
            Duration reconnectDelay,
            Consumer<Runnable> deviceThread,
            BiConsumer<Duration, Runnable> later) {
        this.group = Objects.requireNonNull(group, "group");
        this.target = Objects.requireNonNull(target, "target");
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        this.deviceThread = Objects.requireNonNull(deviceThread, "deviceThread");
        this.later = later;
    }

    /** Whether a connection attempt is under way (the TCP handshake, in wall time). */
    public boolean connecting() {
        return connecting;
    }

    /** Starts connecting; the listener hears everything from then on. */
    public void start(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        connect();
    }

    private void connect() {
        if (closed) {
            return;
        }
        connecting = true;
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // platform → device frames are judged leniently; the device's own frames are strict
                        Hj212ChannelInitializers.install(ch.pipeline(), Mode.LENIENT, Direction.DOWN, Duration.ZERO);
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ReceivedFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                Decoded decoded = frame.decoded();
                                deviceThread.accept(() -> listener.onFrame(decoded));
                            }

                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                channel = ctx.channel();
                                connecting = false;
                                deviceThread.accept(listener::onUp);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                channel = null;
                                deviceThread.accept(listener::onDown);
                                scheduleReconnect();
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                LOG.warn("uplink to {}: {}", target, cause.toString());
                                ctx.close();
                            }
                        });
                    }
                })
                .connect(target)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        connecting = false;
                        LOG.debug(
                                "uplink to {}: connect failed: {}",
                                target,
                                f.cause().toString());
                        scheduleReconnect();
                    }
                });
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        if (later == null) {
            group.schedule(this::connect, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            deviceThread.accept(() -> later.accept(reconnectDelay, this::connect));
        }
    }

    @Override
    public boolean isUp() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    @Override
    public boolean send(byte[] frame) {
        Channel c = channel;
        if (c == null || !c.isActive()) {
            return false;
        }
        c.writeAndFlush(Unpooled.wrappedBuffer(frame));
        return true;
    }

    /** Drops the connection (a 4G outage); it reconnects after the delay unless closed. */
    public void drop() {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
    }
}
