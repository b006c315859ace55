package io.pollwatt.hj212.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Error;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameBytesTest {

    @Test
    void equal_by_content_not_by_array() {
        byte[] bytes = {'#', '#', '0', '0'};
        FrameBytes a = FrameBytes.copyOf(bytes);
        FrameBytes b = FrameBytes.copyOf(bytes.clone());
        FrameBytes other = FrameBytes.copyOf(new byte[] {'#', '#', '0', '1'});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other).isNotEqualTo("##00");
        Decoded truncated = new Decoded.Rejected(Hj212Error.TRUNCATED, 4, "length", "stream ended");
        assertThat(new ReceivedFrame(0, a, truncated)).isEqualTo(new ReceivedFrame(0, b, truncated));
    }

    @Test
    void cannot_be_changed_through_the_array_it_was_made_from_or_handed_out() {
        byte[] bytes = {'A', 'B'};
        FrameBytes frame = FrameBytes.copyOf(bytes);

        bytes[0] = 'X';
        frame.toByteArray()[1] = 'X';

        assertThat(frame.toByteArray()).containsExactly('A', 'B');
        assertThat(frame.byteAt(0)).isEqualTo('A');
        ByteBuffer view = frame.asReadOnlyBuffer();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.remaining()).isEqualTo(2);
    }

    @Test
    void copies_a_range() {
        FrameBytes frame = FrameBytes.copyOf(new byte[] {1, 2, 3, 4}, 1, 2);

        assertThat(frame.length()).isEqualTo(2);
        assertThat(frame.toByteArray()).containsExactly(2, 3);
        assertThatThrownBy(() -> FrameBytes.copyOf(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void prints_as_one_unambiguous_ascii_line() {
        byte[] bytes = {'#', '#', '\\', (byte) 0xE6, 0x00, '\r', '\n'};

        assertThat(FrameBytes.copyOf(bytes)).hasToString("##\\\\\\xE6\\x00\\r\\n");
        assertThat(FrameBytes.copyOf(bytes).byteAt(3)).isEqualTo(0xE6);
    }
}
