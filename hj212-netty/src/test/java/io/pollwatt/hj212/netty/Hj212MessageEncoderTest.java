package io.pollwatt.hj212.netty;

import static io.pollwatt.hj212.netty.Frames.direction;
import static io.pollwatt.hj212.netty.Frames.vector;
import static io.pollwatt.hj212.netty.Frames.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Hj212MessageEncoderTest {

    @TestFactory
    Stream<DynamicTest> re_encodes_every_strict_vector_byte_for_byte() {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> "strict".equals(v.text("conformance")))
                .map(v -> dynamicTest("valid.jsonl " + v.id(), v.sourceUri(), () -> {
                    Hj212Message message = decodeStrict(v);
                    EmbeddedChannel channel = new EmbeddedChannel(Hj212MessageEncoder.forDirection(direction(v)));

                    assertThat(channel.writeOutbound(message)).isTrue();

                    assertThat(new String(written(channel), StandardCharsets.UTF_8))
                            .isEqualTo(new String(v.frameBytes(), StandardCharsets.UTF_8));
                }));
    }

    @Test
    void a_message_that_is_not_strictly_conformant_fails_the_write_and_sends_nothing() {
        // An HJ/T 212-2005 style upload: lenient mode accepts it, but it has no QN, PW or Flag.
        Vector v = vector("valid.jsonl", "pub-chenqi92-2005style-ele");
        Hj212Message lenientOnly = ((Decoded.Ok) Hj212Codec.lenient().decode(v.frameBytes(), Direction.UP)).message();
        EmbeddedChannel channel = new EmbeddedChannel(Hj212MessageEncoder.forDirection(Direction.UP));

        assertThatThrownBy(() -> channel.writeOutbound(lenientOnly))
                .isInstanceOf(EncoderException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a strictly conformant");
        assertThat(written(channel)).isEmpty();
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void a_pre_encoded_frame_passes_untouched() {
        // Emulated faulty devices send bytes the encoder would refuse to produce.
        byte[] lowerCaseCrc = vector("valid.jsonl", "pub-guocay-2011-lowercrc").frameBytes();
        EmbeddedChannel channel = new EmbeddedChannel(Hj212MessageEncoder.forDirection(Direction.UP));

        channel.writeOutbound(Unpooled.wrappedBuffer(lowerCaseCrc));

        assertThat(written(channel)).isEqualTo(lowerCaseCrc);
    }

    @Test
    void one_shared_stateless_instance_per_direction() {
        Hj212MessageEncoder encoder = Hj212MessageEncoder.forDirection(Direction.DOWN);
        Vector v = vector("valid.jsonl", "std-C14-9014");
        Hj212Message reply = decodeStrict(v);
        EmbeddedChannel first = new EmbeddedChannel(encoder);
        EmbeddedChannel second = new EmbeddedChannel(encoder);

        first.writeOutbound(reply);
        second.writeOutbound(reply);

        assertThat(encoder.isSharable()).isTrue();
        assertThat(Hj212MessageEncoder.forDirection(Direction.DOWN)).isSameAs(encoder);
        assertThat(encoder.direction()).isEqualTo(Direction.DOWN);
        assertThat(written(first)).isEqualTo(v.frameBytes());
        assertThat(written(second)).isEqualTo(v.frameBytes());
    }

    private static Hj212Message decodeStrict(Vector v) {
        Decoded d = Hj212Codec.strict().decode(v.frameBytes(), direction(v));
        assertThat(d).as("%s", d).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok) d).message();
    }
}
