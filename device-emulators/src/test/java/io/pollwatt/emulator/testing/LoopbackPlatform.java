package io.pollwatt.emulator.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HJ 212 test server for the emulators' tests (shared through the test-jar): judges every frame in
 * strict mode, keeps what it accepted and what it rejected, and answers every accepted upload with its 9014.
 */
public final class LoopbackPlatform {

    /** Frames accepted, in arrival order. */
    public final List<Hj212Message> received = new CopyOnWriteArrayList<>();

    /** Frames rejected, as their verdicts. */
    public final List<String> rejected = new CopyOnWriteArrayList<>();

    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final InetSocketAddress address;

    /** Starts listening on 127.0.0.1, an ephemeral port, on {@code group}. */
    public LoopbackPlatform(EventLoopGroup group) throws InterruptedException {
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(Hj212ChannelInitializers.of(
                        Mode.STRICT,
                        Direction.UP,
                        Duration.ZERO,
                        () -> new SimpleChannelInboundHandler<ReceivedFrame>() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                connections.add(ctx.channel());
                            }

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
                                if (frame.message().isEmpty()) {
                                    rejected.add(frame.decoded().toString());
                                    return;
                                }
                                Hj212Message m = frame.message().get();
                                received.add(m);
                                ctx.writeAndFlush(Reply.dataAnswer(m.header()));
                            }
                        }))
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        address = (InetSocketAddress) server.localAddress();
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** Closes every accepted connection (an outage seen from the platform's side). */
    public void dropConnections() throws InterruptedException {
        connections.close().sync();
    }
}
