package io.pollwatt.hj212.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a byte stream (a captured TCP session, a file) fed in chunks of any size: frames it with {@link
 * StreamFramer}, decodes each frame with a {@link Hj212Codec}, and reports garbage and broken frames as {@link
 * Decoded.Rejected} without losing what follows them. Holds at most one frame's worth of bytes plus the chunk being
 * fed. Not thread-safe: one per stream.
 */
public final class StreamDecoder {

    /**
     * One result from the stream.
     *
     * @param streamOffset offset of the frame's (or garbage's) first byte in the stream
     * @param length number of stream bytes it covers
     * @param decoded the message, or why not; offsets inside it count from {@code streamOffset}
     */
    public record Result(long streamOffset, int length, Decoded decoded) {
        public Result {
            Objects.requireNonNull(decoded, "decoded");
        }
    }

    private final Hj212Codec codec;
    private final Direction direction;
    private final StreamFramer framer;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    private long consumed;

    private final StreamFramer.ByteSource source = new StreamFramer.ByteSource() {
        @Override
        public int length() {
            return end - start;
        }

        @Override
        public int byteAt(int index) {
            return buf[start + index] & 0xFF;
        }
    };

    /** A decoder for frames sent in {@code direction}, framed for the codec's mode. */
    public StreamDecoder(Hj212Codec codec, Direction direction) {
        this(codec, direction, StreamFramer.forMode(codec.mode()));
    }

    /** A decoder with an explicit framer (another size bound). */
    public StreamDecoder(Hj212Codec codec, Direction direction, StreamFramer framer) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.framer = Objects.requireNonNull(framer, "framer");
    }

    /** Feeds {@code length} bytes of {@code chunk} from {@code offset}; returns what they completed. */
    public List<Result> feed(byte[] chunk, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        List<Result> out = new ArrayList<>();
        int pos = offset;
        int stop = offset + length;
        while (pos < stop) {
            int room = Math.max(0, framer.maxFrameBytes() - (end - start));
            int take = Math.min(stop - pos, Math.max(room, 1));
            append(chunk, pos, take);
            pos += take;
            drain(false, out);
        }
        return out;
    }

    /** Feeds a whole chunk. */
    public List<Result> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** The stream has ended: reports what is left (a truncated frame, trailing garbage). */
    public List<Result> finish() {
        List<Result> out = new ArrayList<>();
        drain(true, out);
        return out;
    }

    /** Bytes held that are not yet part of a result. */
    public int pendingBytes() {
        return end - start;
    }

    private void drain(boolean endOfStream, List<Result> out) {
        while (end > start) {
            StreamFramer.Step step = framer.next(source, endOfStream);
            if (step instanceof StreamFramer.Frame frame) {
                out.add(new Result(consumed, frame.length(), codec.decode(buf, start, frame.length(), direction)));
                advance(frame.length());
            } else if (step instanceof StreamFramer.Skip skip) {
                out.add(new Result(consumed, skip.length(), skip.reason()));
                advance(skip.length());
            } else {
                return;
            }
        }
    }

    private void advance(int n) {
        start += n;
        consumed += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void append(byte[] chunk, int offset, int length) {
        if (end + length > buf.length) {
            int held = end - start;
            if (held + length <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, held);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, held + length)];
                System.arraycopy(buf, start, bigger, 0, held);
                buf = bigger;
            }
            start = 0;
            end = held;
        }
        System.arraycopy(chunk, offset, buf, end, length);
        end += length;
    }
}
