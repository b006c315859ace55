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
 * four digits L, L bytes, four CRC characters, CR LF. When CR LF is not where L says, the frame ends at the first CR
 * LF after the length field, or at the next {@code ##}, or at the end of the stream, whichever comes first, and the
 * codec gives the verdict with offsets inside the frame (a length that counts characters is tolerated in lenient
 * mode; otherwise {@code LENGTH_MISMATCH}, {@code TRUNCATED}, {@code MISSING_TRAILER} or {@code BAD_TRAILER}). No step
 * ever looks further than {@code 6 + maxSegmentBytes + 6} bytes: a longer claim is cut at the bound and skipped, not
 * buffered.
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
            return skipBroken(in, endOfStream, Hj212Error.MISSING_HEADER, 0, "header", "garbage where '##' belongs");
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
            // The length is authoritative (§1): wait for the declared end, so the verdict does not depend on how
            // TCP split the bytes. A frame cut short is found once the bytes after it fill the declared length.
            return NEED_MORE;
        }
        // CR LF is not where the length says: the first CR LF after the length field ends the frame, unless a '##'
        // comes first; a '##' ends it too, and so does the end of the stream. The codec then says what is wrong
        // (LENGTH_MISMATCH, TRUNCATED, MISSING_TRAILER, BAD_TRAILER) with offsets inside the frame.
        int end = lineEndBeforeNextFrame(in, len);
        if (end > 0) {
            return new Frame(end + 2);
        }
        int cut = nextHashes(in, 2, len);
        if (cut >= 0) {
            return new Frame(cut);
        }
        if (endOfStream) {
            return new Frame(len);
        }
        if (len < maxFrameBytes()) {
            return NEED_MORE;
        }
        return skipBroken(
                in, endOfStream, Hj212Error.BAD_TRAILER, trailerAt, "trailer", "no CR LF within the frame size bound");
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

    /**
     * Drops bytes from the head up to the next {@code ##}: at once when the next {@code ##} (or the end of the stream,
     * or the size bound) is in view, otherwise only once it is, so that the same bytes give the same skips however
     * they were split into reads.
     */
    private Step skipBroken(
            ByteSource in, boolean endOfStream, Hj212Error code, int offset, String field, String detail) {
        int len = in.length();
        int next = nextHashes(in, 1, Math.min(len, maxFrameBytes()));
        if (next < 0) {
            if (!endOfStream && len < maxFrameBytes()) {
                return NEED_MORE;
            }
            next = Math.min(len, maxFrameBytes());
            if (!endOfStream && in.byteAt(next - 1) == '#' && next > 1) {
                next--; // a last '#' may begin the next frame
            }
        }
        return new Skip(next, new Decoded.Rejected(code, offset, field, detail + " (" + next + " byte(s) dropped)"));
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
