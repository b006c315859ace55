package io.pollwatt.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fixtures: vectors by id, feeding bytes in chunks, collecting what a channel produced. */
final class Frames {

    private Frames() {}

    /** The vector {@code id} of {@code file}; fails naming the id when it is missing. */
    static Vector vector(String file, String id) {
        return Vectors.load(file).stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no vector " + id + " in " + file));
    }

    static Direction direction(Vector v) {
        return Direction.fromVector(v.text("direction"));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} inbound in reads of {@code chunkSize} bytes (the last may be shorter). */
    static void feed(EmbeddedChannel channel, byte[] bytes, int chunkSize) {
        for (int from = 0; from < bytes.length; from += chunkSize) {
            channel.writeInbound(
                    Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize))));
        }
    }

    /** Everything the channel has passed inbound so far, in order. */
    static List<ReceivedFrame> received(EmbeddedChannel channel) {
        List<ReceivedFrame> out = new ArrayList<>();
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            out.add((ReceivedFrame) o);
        }
        return out;
    }

    /** Everything the channel has written outbound so far, as bytes, releasing the buffers. */
    static byte[] written(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
