package io.pollwatt.hj212.codec;

import java.util.Objects;

/**
 * Finds frames in a TCP byte stream (hj212-2017.md §1–§2). Stateless: the caller keeps the bytes and asks, for the
 * bytes it holds, what the next step is:
 *
 * <ul>
 *   <li>{@link NeedMore}: the bytes so far may start a frame; wait for more;
 *   <li>{@link Frame}: the first {@code length} bytes are one alleged frame; decode them with {@link Hj212Codec};
 *   <li>{@link Skip}: the first {@code length} bytes are garbage or a frame that cannot be delimited; drop them and
 *       report {@code reason}. The next step starts at the next {@code ##}.
 * </ul>
 *
 * <p>Framing is by the length field, never by searching for CR LF (log text may contain anything): {@code ##},
 * four digits L, L bytes, four CRC characters, CR LF. When CR LF is not where L says, the framer takes the first CR
 * LF after the length field as the end, unless a {@code ##} comes first, and leaves the verdict to the codec (a
 * length that counts characters is tolerated in lenient mode; any other mismatch is rejected with
 * {@code LENGTH_MISMATCH}). No step ever looks further than {@code 6 + maxSegmentBytes + 6} bytes: a longer claim
 * is cut at the bound and skipped, not buffered.
 */
public final class StreamFramer {

    /** What to do with the bytes at the head of the buffer. */
    public sealed interface Step permits NeedMore, Frame, Skip {}

    /** Wait for more bytes. */
    public record NeedMore() implements Step {}

    /**
     * The first {@code length} bytes are one alleged frame.
     *
     * @param length bytes of the frame, {@code ##} to the end of the trailer
     */
    public record Frame(int length) implements Step {}

    /**
     * Drop the first {@code length} bytes.
     *
     * @param length bytes to drop, at least 1
     * @param reason why; its offset counts from the first dropped byte
     */
    public record Skip(int length, Decoded.Rejected reason) implements Step {}

    /** The bytes a caller holds, from the current read position. */
    public interface ByteSource {
        /** How many bytes are available. */
        int length();

        /** The unsigned byte at {@code index}, 0 ≤ index &lt; length(). */
        int byteAt(int index);
    }

    private static final NeedMore NEED_MORE = new NeedMore();

    private final int maxSegmentBytes;

    /**
     * A framer that accepts data segments of at most {@code maxSegmentBytes} (1024 for HJ 212-2017, up to 9999 for
     * lenient receivers).
     */
    public StreamFramer(int maxSegmentBytes) {
        if (maxSegmentBytes < 0 || maxSegmentBytes > 9999) {
            throw new IllegalArgumentException("maxSegmentBytes must be 0..9999, got " + maxSegmentBytes);
        }
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** The framer for a codec's mode: 1024-byte segments when strict, 9999 when lenient. */
    public static StreamFramer forMode(Mode mode) {
        return new StreamFramer(mode == Mode.STRICT ? FrameDecoder.MAX_SEGMENT_STRICT : 9999);
    }

    /** The longest frame this framer hands out. */
    public int maxFrameBytes() {
        return 6 + maxSegmentBytes + 6;
    }

    /**
     * The next step for the bytes in {@code in}.
     *
     * @param endOfStream no more bytes will come (connection closed, end of file, or read timeout), so a partial
     *     frame is reported instead of waited for
     */
    public Step next(ByteSource in, boolean endOfStream) {
        Objects.requireNonNull(in, "in");
        int len = in.length();
        if (len == 0) {
            return NEED_MORE;
        }
        if (in.byteAt(0) != '#' || (len >= 2 && in.byteAt(1) != '#')) {
            int start = nextFrameStart(in, 1, endOfStream);
            return new Skip(
                    start,
                    new Decoded.Rejected(
                            Hj212Error.MISSING_HEADER, 0, "header", start + " byte(s) before the next '##'"));
        }
        if (len < 6) {
            for (int i = 1; i < len; i++) {
                if (i >= 2 && !isDigit(in.byteAt(i))) {
                    return skipBroken(
                            in, endOfStream, Hj212Error.BAD_LENGTH_FIELD, i, "length", "expected 4 decimal digits");
                }
            }
            return endOfStream
                    ? skipBroken(
                            in,
                            endOfStream,
                            Hj212Error.TRUNCATED,
                            len,
                            "length",
                            "stream ended inside the length field")
                    : NEED_MORE;
        }
        int declared = 0;
        for (int i = 2; i < 6; i++) {
            int c = in.byteAt(i);
            if (!isDigit(c)) {
                return skipBroken(
                        in, endOfStream, Hj212Error.BAD_LENGTH_FIELD, i, "length", "expected 4 decimal digits");
            }
            declared = declared * 10 + (c - '0');
        }
        if (declared > maxSegmentBytes) {
            return skipBroken(
                    in,
                    endOfStream,
                    Hj212Error.OVERSIZED,
                    2,
                    "length",
                    "declared data segment of " + declared + " bytes, this receiver accepts at most "
                            + maxSegmentBytes);
        }
        int trailerAt = 6 + declared + 4;
        if (len > trailerAt) {
            int c = in.byteAt(trailerAt);
            if (c == '\r') {
                if (len > trailerAt + 1 && in.byteAt(trailerAt + 1) == '\n') {
                    return new Frame(trailerAt + 2);
                }
                if (len == trailerAt + 1 && !endOfStream) {
                    return NEED_MORE;
                }
            } else if (c == '\n') {
                return new Frame(trailerAt + 1); // LF only: the codec tolerates it in lenient mode
            }
        } else if (!endOfStream) {
            // The declared end has not arrived. A CR LF followed by the next frame's '##' means the length was
            // wrong; anything else may still be this frame's body.
            int end = lineEndBeforeNextFrame(in, len);
            return end > 0 && end + 2 < len && in.byteAt(end + 2) == '#' ? new Frame(end + 2) : NEED_MORE;
        }
        // CR LF is not where the length says: the first CR LF after the length field ends the frame, unless a '##'
        // comes first or the bound is passed.
        int end = lineEndBeforeNextFrame(in, len);
        if (end > 0) {
            return new Frame(end + 2);
        }
        int bound = maxFrameBytes();
        if (!endOfStream && len < bound && nextHashes(in, 2, len) < 0) {
            return NEED_MORE;
        }
        if (len < trailerAt) {
            return skipBroken(
                    in,
                    endOfStream,
                    Hj212Error.TRUNCATED,
                    len,
                    "frame",
                    len + " bytes, the declared length needs " + (trailerAt + 2));
        }
        return skipBroken(in, endOfStream, Hj212Error.BAD_TRAILER, trailerAt, "trailer", "no CR LF after the CRC");
    }

    /** Index of the CR of the first CR LF after the length field, if no '##' comes before it; else -1. */
    private int lineEndBeforeNextFrame(ByteSource in, int len) {
        int limit = Math.min(len - 1, maxFrameBytes() - 2);
        for (int i = 6; i < limit; i++) {
            int c = in.byteAt(i);
            if (c == '\r' && in.byteAt(i + 1) == '\n') {
                return i;
            }
            if (c == '#' && in.byteAt(i + 1) == '#') {
                return -1;
            }
        }
        return -1;
    }

    private static Skip skipBroken(
            ByteSource in, boolean endOfStream, Hj212Error code, int offset, String field, String detail) {
        int next = nextFrameStart(in, 1, endOfStream);
        return new Skip(next, new Decoded.Rejected(code, offset, field, detail));
    }

    /**
     * Where the next frame may start at or after {@code from}: the next {@code ##}, or, without end of stream, a
     * last lone {@code #}; else the end.
     */
    private static int nextFrameStart(ByteSource in, int from, boolean endOfStream) {
        int len = in.length();
        int at = nextHashes(in, from, len);
        if (at >= 0) {
            return at;
        }
        if (!endOfStream && len > from && in.byteAt(len - 1) == '#') {
            return len - 1;
        }
        return len;
    }

    private static int nextHashes(ByteSource in, int from, int len) {
        for (int i = from; i + 1 < len; i++) {
            if (in.byteAt(i) == '#' && in.byteAt(i + 1) == '#') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
