package io.pollwatt.hj212.netty;

import static io.pollwatt.hj212.netty.Frames.feed;
import static io.pollwatt.hj212.netty.Frames.received;
import static io.pollwatt.hj212.netty.Frames.vector;
import static io.pollwatt.hj212.netty.Frames.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Hj212ChannelInitializersTest {

    private static final byte[] UPLOAD =
            vector("valid.jsonl", "std-C14-2011-rtd").frameBytes();

    @Test
    void installs_idle_handler_decoder_and_encoder_in_that_order() {
        EmbeddedChannel channel = new EmbeddedChannel();

        Hj212ChannelInitializers.install(channel.pipeline(), Mode.LENIENT, Direction.UP, Duration.ofSeconds(30));

        assertThat(channel.pipeline().names())
                .containsSubsequence(
                        Hj212ChannelInitializers.IDLE,
                        Hj212ChannelInitializers.DECODER,
                        Hj212ChannelInitializers.ENCODER);
        assertThat(channel.pipeline().get(Hj212ChannelInitializers.IDLE)).isInstanceOf(IdleStateHandler.class);
        assertThat(((Hj212MessageEncoder) channel.pipeline().get(Hj212ChannelInitializers.ENCODER)).direction())
                .as("a platform receives UP and answers DOWN")
                .isEqualTo(Direction.DOWN);
    }

    @Test
    void without_a_read_timeout_there_is_no_idle_handler() {
        EmbeddedChannel channel = new EmbeddedChannel();

        Hj212ChannelInitializers.install(channel.pipeline(), Mode.STRICT, Direction.DOWN, Duration.ZERO);

        assertThat(channel.pipeline().names()).doesNotContain(Hj212ChannelInitializers.IDLE);
        assertThat(((Hj212MessageEncoder) channel.pipeline().get(Hj212ChannelInitializers.ENCODER)).direction())
                .as("a device receives DOWN and sends UP")
                .isEqualTo(Direction.UP);
    }

    @Test
    void rejects_a_negative_read_timeout_when_wiring() {
        assertThatThrownBy(() -> Hj212ChannelInitializers.of(
                        Mode.STRICT, Direction.UP, Duration.ofSeconds(-1), UploadAnswerer::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    @Test
    void the_read_timeout_drops_a_stalled_frame_and_keeps_the_connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Hj212ChannelInitializers.install(channel.pipeline(), Mode.LENIENT, Direction.UP, Duration.ofSeconds(30));
        byte[] stalled = Arrays.copyOf(UPLOAD, 120);

        channel.writeInbound(Unpooled.wrappedBuffer(stalled));
        channel.advanceTimeBy(29, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        List<ReceivedFrame> beforeTimeout = received(channel);
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        List<ReceivedFrame> atTimeout = received(channel);
        feed(channel, UPLOAD, 64);

        assertThat(beforeTimeout).isEmpty();
        assertThat(atTimeout).hasSize(1);
        assertThat(atTimeout.get(0).decoded())
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.code()).isEqualTo(Hj212Error.TRUNCATED));
        assertThat(atTimeout.get(0).raw()).isEqualTo(FrameBytes.copyOf(stalled));
        assertThat(channel.isActive()).isTrue();
        List<ReceivedFrame> after = received(channel);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).ok()).isTrue();
        assertThat(after.get(0).streamOffset()).isEqualTo(stalled.length);
    }

    @Test
    void a_platform_pipeline_answers_an_upload_with_a_9014() {
        EmbeddedChannel channel = new EmbeddedChannel(
                Hj212ChannelInitializers.of(Mode.LENIENT, Direction.UP, Duration.ZERO, UploadAnswerer::new));

        feed(channel, UPLOAD, 17);

        Decoded answer = Hj212Codec.strict().decode(written(channel), Direction.DOWN);
        assertThat(answer).as("%s", answer).isInstanceOf(Decoded.Ok.class);
        Hj212Message reply = ((Decoded.Ok) answer).message();
        assertThat(reply).isInstanceOf(Reply.class);
        assertThat(((Reply) reply).kind()).isEqualTo(Cn.DATA_ANSWER);
        assertThat(reply.header().qn().text()).isEqualTo("20160801085857223");
    }

    /** Answers every accepted upload that asks for it with 9014 (hj212-2017.md §9). */
    static final class UploadAnswerer extends SimpleChannelInboundHandler<ReceivedFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) {
            if (frame.message().orElse(null) instanceof DataUpload upload
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
