package io.pollwatt.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that accepts any number of connections and throws away what they send, counting bytes. Runs in
 * its own process so that the emulator process's file-descriptor limit goes to the emulated devices. Prints its port,
 * then the byte count on standard input's end.
 */
public final class DiscardServer {

    private DiscardServer() {}

    /** Starts on 127.0.0.1, an ephemeral port; prints {@code port N}; exits when standard input closes. */
    public static void main(String[] args) throws Exception {
        AtomicLong bytes = new AtomicLong();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ChannelHandler discard = new Discard(bytes);
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(discard);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        System.out.println("port " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes our standard input
        }
        System.out.println("bytes " + bytes.get());
        group.shutdownGracefully();
    }

    @ChannelHandler.Sharable
    private static final class Discard extends ChannelInboundHandlerAdapter {
        private final AtomicLong bytes;

        Discard(AtomicLong bytes) {
            this.bytes = bytes;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            bytes.addAndGet(buf.readableBytes());
            buf.release();
        }
    }
}
