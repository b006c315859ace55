package io.pollwatt.hj212.codec;

import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Hj212Message;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decodes and encodes HJ 212-2017 frames (hj212-2017.md). Thread-safe and cheap to share.
 *
 * <pre>
 *   Hj212Codec codec = Hj212Codec.lenient();
 *   Decoded d = codec.decode(bytes, Direction.UP);
 *   if (d instanceof Decoded.Ok ok) { … ok.message() … ok.warnings() … }
 *   else { Decoded.Rejected r = (Decoded.Rejected) d;  // BAD_CRC at byte 145 (CRC): expected 17C0, got '7D00' }
 *
 *   byte[] frame = Hj212Codec.encode(Reply.dataAnswer(upload.header()));   // strictly conformant, or it throws
 * </pre>
 *
 * <p>Decoding judges one alleged frame (from {@code ##} to CR LF) with the checks of §19 in their order and never
 * throws for bad input; for a TCP byte stream, frame it first with {@link StreamFramer} or {@link StreamDecoder}.
 */
public final class Hj212Codec {

    /**
     * The extension CNs lenient mode accepts unless configured otherwise: codes of HJ 212-2025 and of vendor
     * protocols seen in public code (hj212-2017.md §8).
     */
    public static final Set<Integer> DEFAULT_EXTENSION_CNS = extensionCodes();

    private static final Hj212Codec STRICT = new Hj212Codec(Mode.STRICT, DEFAULT_EXTENSION_CNS);
    private static final Hj212Codec LENIENT = new Hj212Codec(Mode.LENIENT, DEFAULT_EXTENSION_CNS);

    private final Mode mode;
    private final boolean[] extensionCns = new boolean[10000];
    private final Set<Integer> extensions;

    /**
     * A codec of the given mode. {@code extensionCns} are the non-standard CNs lenient mode accepts (with a
     * warning); strict mode accepts none.
     */
    public Hj212Codec(Mode mode, Set<Integer> extensionCns) {
        this.mode = Objects.requireNonNull(mode, "mode");
        for (int cn : extensionCns) {
            if (cn < 0 || cn > 9999) {
                throw new IllegalArgumentException("extension CN must be 0..9999, got " + cn);
            }
            this.extensionCns[cn] = true;
        }
        this.extensions = Set.copyOf(extensionCns);
    }

    /** HJ 212-2017 as written. */
    public static Hj212Codec strict() {
        return STRICT;
    }

    /** The documented lenient superset, with the default extension CNs. */
    public static Hj212Codec lenient() {
        return LENIENT;
    }

    /** The codec for a mode, with the default extension CNs. */
    public static Hj212Codec of(Mode mode) {
        return mode == Mode.STRICT ? STRICT : LENIENT;
    }

    /** This codec's mode. */
    public Mode mode() {
        return mode;
    }

    /** The extension CNs accepted in lenient mode. */
    public Set<Integer> extensionCns() {
        return extensions;
    }

    /** Decodes one frame whose direction is not known (direction-dependent checks are skipped). */
    public Decoded decode(byte[] frame) {
        return decode(frame, 0, frame.length, Direction.UNKNOWN);
    }

    /** Decodes one frame sent in the given direction. */
    public Decoded decode(byte[] frame, Direction direction) {
        return decode(frame, 0, frame.length, direction);
    }

    /**
     * Decodes the frame in {@code length} bytes of {@code bytes} from {@code offset}. Offsets in the result count
     * from {@code offset}.
     */
    public Decoded decode(byte[] bytes, int offset, int length, Direction direction) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new FrameDecoder(
                        bytes, offset, length, mode, Objects.requireNonNull(direction, "direction"), extensionCns)
                .decode();
    }

    /**
     * Encodes a message into a strictly conformant HJ 212-2017 frame.
     *
     * @throws IllegalArgumentException naming the first strict check that fails, when the message's content is not
     *     strictly conformant (a 24-character PW from a lenient decode, a missing QN, an extension CN, …); use {@link
     *     #encodeCanonical} to re-emit such a message anyway
     */
    public static byte[] encode(Hj212Message message) {
        return encode(message, Direction.UNKNOWN);
    }

    /** As {@link #encode(Hj212Message)}, with the direction-dependent checks of the given direction. */
    public static byte[] encode(Hj212Message message, Direction direction) {
        byte[] frame = encodeCanonical(message);
        Decoded check = STRICT.decode(frame, direction);
        if (check instanceof Decoded.Rejected rejected) {
            throw new IllegalArgumentException("not a strictly conformant HJ 212-2017 message: " + rejected);
        }
        return frame;
    }

    /**
     * Encodes a message in pollwatt's canonical form without the strict check: header fields in the standard's
     * order (unknown ones dropped), CP items and literal values as they are, byte-count length, upper-case CRC, CR
     * LF. For a message decoded leniently whose only deviations were in framing, header order, empty items or
     * unknown header fields, the result is strictly conformant.
     *
     * @throws IllegalArgumentException when the segment exceeds the 9999 bytes the length field can describe
     */
    public static byte[] encodeCanonical(Hj212Message message) {
        return FrameWriter.frame(SegmentWriter.segment(message));
    }

    private static Set<Integer> extensionCodes() {
        Set<Integer> codes = new TreeSet<>();
        Arrays.stream(Cn.values()).filter(cn -> !cn.standard()).forEach(cn -> codes.add(cn.code()));
        return Set.copyOf(codes);
    }
}
