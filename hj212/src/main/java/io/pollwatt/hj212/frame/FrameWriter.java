package io.pollwatt.hj212.frame;

import java.nio.charset.StandardCharsets;

/**
 * Wraps a data segment into a frame (hj212-2017.md §2):
 *
 * <pre>
 *  +----+------+-------------------------+------+-------+
 *  | ## | LLLL | data segment (L bytes)  | CCCC | CR LF |
 *  +----+------+-------------------------+------+-------+
 *    2     4     0..1024 (HJ 212-2017)      4      2
 * </pre>
 *
 * L is the UTF-8 byte count of the segment, four decimal digits, zero padded; CCCC is {@link Crc16} of the segment
 * in upper-case hex. This is the form pollwatt always emits.
 */
public final class FrameWriter {

    /** Bytes around the data segment: {@code ##}, the length, the CRC and CR LF. */
    public static final int OVERHEAD = 12;

    /** The largest segment the four-digit length field can describe. */
    public static final int MAX_SEGMENT_FIELD = 9999;

    private FrameWriter() {}

    /**
     * The frame of a data segment given as text (UTF-8 on the wire).
     *
     * @throws IllegalArgumentException when the segment is longer than 9999 bytes
     */
    public static byte[] frame(String segment) {
        return frame(segment.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The frame of a data segment given as bytes.
     *
     * @throws IllegalArgumentException when the segment is longer than 9999 bytes
     */
    public static byte[] frame(byte[] segment) {
        int len = segment.length;
        if (len > MAX_SEGMENT_FIELD) {
            throw new IllegalArgumentException(
                    "data segment of " + len + " bytes does not fit the 4-digit length field; split it (PNUM/PNO)");
        }
        byte[] out = new byte[len + OVERHEAD];
        out[0] = '#';
        out[1] = '#';
        out[2] = (byte) ('0' + len / 1000);
        out[3] = (byte) ('0' + len / 100 % 10);
        out[4] = (byte) ('0' + len / 10 % 10);
        out[5] = (byte) ('0' + len % 10);
        System.arraycopy(segment, 0, out, 6, len);
        Crc16.writeHex(Crc16.compute(segment, 0, len), out, 6 + len);
        out[len + 10] = '\r';
        out[len + 11] = '\n';
        return out;
    }
}
