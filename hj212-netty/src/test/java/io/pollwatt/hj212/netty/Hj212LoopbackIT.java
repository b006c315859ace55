package io.pollwatt.hj212.netty;

import static io.pollwatt.hj212.netty.Frames.ascii;
import static io.pollwatt.hj212.netty.Frames.direction;
import static io.pollwatt.hj212.netty.Frames.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform-side server and a device-side client over loopback (hj212-2017.md §1: the device connects, the platform
 * listens, answers travel back on the same connection).
 */
class Hj212LoopbackIT {

    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;
    private final Queue<ReceivedFrame> atPlatform = new ConcurrentLinkedQueue<>();
    private final Queue<ReceivedFrame> atDevice = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startEventLoops() {
        serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void shutDownEventLoops() {
        clientGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void the_platform_answers_each_upload_with_a_9014_that_the_device_receives() throws InterruptedException {
        Channel server = new ServerBootstrap()
                .group(serverGroup)
                .channel(NioServerSocketChannel.class)
                .childHandler(Hj212ChannelInitializers.of(
                        Mode.LENIENT, Direction.UP, Duration.ofSeconds(30), () -> new Recording(atPlatform, true)))
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        Channel device = new Bootstrap()
                .group(clientGroup)
                .channel(NioSocketChannel.class)
                .handler(Hj212ChannelInitializers.of(
                        Mode.STRICT, Direction.DOWN, Duration.ZERO, () -> new Recording(atDevice, false)))
                .connect("127.0.0.1", port)
                .sync()
                .channel();
        List<DataUpload> uploads = answerWantedUploads();
        byte[] badCrc = vector("invalid.jsonl", "crc-data-altered").frameBytes();

        // modem chatter and a corrupted frame, as raw bytes: pre-encoded ByteBufs pass the encoder untouched
        device.writeAndFlush(Unpooled.wrappedBuffer(ascii("AT+OK\r\n"))).sync();
        for (int i = 0; i < uploads.size(); i++) {
            if (i == 2) {
                device.writeAndFlush(Unpooled.wrappedBuffer(badCrc)).sync();
            }
            if (i == 3) {
                writeInPieces(device, uploads.get(i)); // one frame over several TCP segments
            } else {
                device.writeAndFlush(uploads.get(i)).sync(); // through Hj212MessageEncoder
            }
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> atDevice.size() >= uploads.size());
        List<ReceivedFrame> replies = new ArrayList<>(atDevice);
        assertThat(replies).hasSize(uploads.size());
        for (int i = 0; i < uploads.size(); i++) {
            ReceivedFrame reply = replies.get(i);
            assertThat(reply.decoded()).as("%s", reply.decoded()).isInstanceOf(Decoded.Ok.class);
            Hj212Message message = reply.message().orElseThrow();
            assertThat(message).isInstanceOf(Reply.class);
            assertThat(((Reply) message).kind()).isEqualTo(Cn.DATA_ANSWER);
            assertThat(message.header().qn()).isEqualTo(uploads.get(i).header().qn());
            assertThat(message.mn()).isEqualTo(uploads.get(i).mn());
        }
        assertThat(atPlatform)
                .extracting(r -> r.decoded() instanceof Decoded.Rejected rejected ? rejected.code() : null)
                .containsOnlyOnce(Hj212Error.MISSING_HEADER, Hj212Error.BAD_CRC)
                .containsOnly(Hj212Error.MISSING_HEADER, Hj212Error.BAD_CRC, null);
        assertThat(atPlatform).filteredOn(ReceivedFrame::ok).hasSize(uploads.size());
        assertThat(device.isActive())
                .as("bad frames never close the connection")
                .isTrue();

        device.close().sync();
        server.close().sync();
    }

    /** The strictly conformant uploads among the vectors that ask for an answer (Flag bit A). */
    private static List<DataUpload> answerWantedUploads() {
        List<DataUpload> uploads = new ArrayList<>();
        for (Vector v : Vectors.load("valid.jsonl")) {
            if (!"strict".equals(v.text("conformance")) || direction(v) != Direction.UP) {
                continue;
            }
            Decoded d = Hj212Codec.strict().decode(v.frameBytes(), Direction.UP);
            if (d instanceof Decoded.Ok ok
                    && ok.message() instanceof DataUpload upload
                    && upload.header().answerWanted()) {
                uploads.add(upload);
            }
        }
        assertThat(uploads).as("uploads in valid.jsonl that want an answer").hasSizeGreaterThan(3);
        return uploads;
    }

    private static void writeInPieces(Channel channel, Hj212Message message) throws InterruptedException {
        byte[] frame = Hj212Codec.encode(message, Direction.UP);
        for (int from = 0; from < frame.length; from += 40) {
            channel.writeAndFlush(
                            Unpooled.wrappedBuffer(Arrays.copyOfRange(frame, from, Math.min(frame.length, from + 40))))
                    .sync();
        }
    }

    /** Records what arrives; on the platform side also answers uploads that ask for it (hj212-2017.md §9). */
    private static final class Recording extends SimpleChannelInboundHandler<ReceivedFrame> {
        private final Queue<ReceivedFrame> sink;
        private final boolean answerUploads;

        Recording(Queue<ReceivedFrame> sink, boolean answerUploads) {
            this.sink = sink;
            this.answerUploads = answerUploads;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
            sink.add(frame);
            if (answerUploads
                    && frame.message().orElse(null) instanceof DataUpload upload
                    && upload.header().answerWanted()) {
                ctx.write(Reply.dataAnswer(upload.header()));
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
