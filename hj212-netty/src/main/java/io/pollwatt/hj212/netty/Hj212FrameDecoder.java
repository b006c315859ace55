package io.pollwatt.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.StreamFramer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the inbound byte stream of one TCP connection into {@link ReceivedFrame}s (hj212-2017.md §1–§2):
 *
 * <pre>
 *  +----+------+-------------------------+------+-------+
 *  | ## | LLLL | data segment (L bytes)  | CCCC | CR LF |     one frame; frames follow each other
 *  +----+------+-------------------------+------+-------+     on the connection with nothing between
 *    2     4     0..1024 (lenient 9999)     4      2
 * </pre>
 *
 * <p>Framing is the pure {@link StreamFramer}'s, not re-implemented here: this handler shows the framer the bytes it
 * holds and acts on the step it returns. For a {@link StreamFramer.Frame} it copies the frame out, decodes it with
 * the configured {@link Hj212Codec} and {@link Direction}, and emits the result; for a {@link StreamFramer.Skip} it
 * drops the bytes and emits the {@link Decoded.Rejected}. Either way the raw bytes travel along for the evidence log.
 *
 * <p>Bad content never closes the channel and never costs the frames after it: the framer resynchronises at the next
 * {@code ##} (§1; as Netty's {@code LineBasedFrameDecoder} does after an over-long line). The framer is shown at
 * most {@link #maxFrameBytes()} bytes at a time, so an oversized or unterminated claim is cut at that bound and
 * skipped; nothing larger is ever held back.
 *
 * <p>A partial frame is reported as {@code TRUNCATED} (or whatever the framer makes of it) when the channel closes,
 * and also on a reader-idle {@link IdleStateEvent}: §2 says to wait until the frame is buffered and to drop it on
 * timeout. Put an {@code IdleStateHandler} in front of this handler to get that timeout; the connection stays open
 * (closing an idle device connection is the application's policy, not the codec's).
 *
 * <p>Stateful: one instance per channel (Netty enforces it for every {@link ByteToMessageDecoder}).
 */
public final class Hj212FrameDecoder extends ByteToMessageDecoder {

    private final Hj212Codec codec;
    private final Direction direction;
    private final StreamFramer framer;
    private final BufferWindow window = new BufferWindow();
    private long streamOffset;

    /**
     * A decoder for frames sent in {@code direction} ({@link Direction#UP} on a platform, {@link Direction#DOWN} on a
     * device), framed for the codec's mode: data segments up to 1024 bytes when strict, 9999 when lenient.
     */
    public Hj212FrameDecoder(Hj212Codec codec, Direction direction) {
        this(codec, direction, StreamFramer.forMode(codec.mode()));
    }

    /** A decoder with an explicit framer, for another bound on the data segment. */
    public Hj212FrameDecoder(Hj212Codec codec, Direction direction, StreamFramer framer) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.framer = Objects.requireNonNull(framer, "framer");
    }

    /** The longest frame this decoder accepts, and the most bytes it shows the framer at once. */
    public int maxFrameBytes() {
        return framer.maxFrameBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // One step per call: ByteToMessageDecoder calls again while bytes are consumed.
        ReceivedFrame received = next(in, false);
        if (received != null) {
            out.add(received);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        drainAtEnd(in, out);
    }

    /**
     * On reader idle, reports the bytes of a frame that stopped arriving as if the stream had ended there (§2:
     * "timeout → drop"), then passes the event on. ALL_IDLE counts too: it implies that nothing was read either.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle
                && (idle.state() == IdleState.READER_IDLE || idle.state() == IdleState.ALL_IDLE)
                && actualReadableBytes() > 0) {
            List<Object> out = new ArrayList<>();
            drainAtEnd(internalBuffer(), out);
            // The buffer is fully consumed before anything is fired, so a handler that reacts by closing the channel
            // cannot make us read a released buffer.
            for (Object received : out) {
                ctx.fireChannelRead(received);
            }
            if (!out.isEmpty()) {
                ctx.fireChannelReadComplete(); // handlers that flush on read-complete see these like any other read
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    private void drainAtEnd(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            ReceivedFrame received = next(in, true);
            if (received == null) {
                // The framer's contract: at end of stream every byte is either a frame or skipped.
                throw new IllegalStateException(
                        "framer asked for more bytes at end of stream with " + in.readableBytes() + " bytes held");
            }
            out.add(received);
        }
    }

    /** One framer step over the head of {@code in}; null when the framer needs more bytes. */
    private ReceivedFrame next(ByteBuf in, boolean endOfStream) {
        int readable = in.readableBytes();
        if (readable == 0) {
            return null;
        }
        // Show the framer at most one maximal frame: it decides within that bound (StreamFramer's contract), so
        // garbage and oversized claims are cut there. The end of the stream is visible only if the window reaches it.
        int visible = Math.min(readable, framer.maxFrameBytes());
        StreamFramer.Step step;
        window.show(in, visible);
        try {
            step = framer.next(window, endOfStream && visible == readable);
        } finally {
            window.clear();
        }
        if (step instanceof StreamFramer.Frame frame) {
            byte[] bytes = take(in, frame.length());
            return emit(bytes, codec.decode(bytes, 0, bytes.length, direction));
        } else if (step instanceof StreamFramer.Skip skip) {
            return emit(take(in, skip.length()), skip.reason());
        } else if (step instanceof StreamFramer.NeedMore) {
            return null;
        }
        throw new IllegalStateException("no handling for framer step " + step);
    }

    private static byte[] take(ByteBuf in, int length) {
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private ReceivedFrame emit(byte[] bytes, Decoded decoded) {
        ReceivedFrame received = new ReceivedFrame(streamOffset, FrameBytes.adopt(bytes), decoded);
        streamOffset += bytes.length;
        return received;
    }

    /** The framer's view of the first bytes of a buffer, from its reader index, without copying. */
    private static final class BufferWindow implements StreamFramer.ByteSource {
        private ByteBuf buf;
        private int start;
        private int length;

        void show(ByteBuf buf, int length) {
            this.buf = buf;
            this.start = buf.readerIndex();
            this.length = length;
        }

        void clear() {
            buf = null; // hold no reference to a buffer Netty may release
            length = 0;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int byteAt(int index) {
            Objects.checkIndex(index, length);
            return buf.getUnsignedByte(start + index);
        }
    }
}
