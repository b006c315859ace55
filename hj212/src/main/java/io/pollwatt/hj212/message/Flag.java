package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.util.Objects;

/**
 * 拆分包及应答标志 Flag (hj212-2017.md §6), an integer 0..255 of at most three digits:
 *
 * <pre>
 *   bit:  7  6  5  4  3  2 | 1 | 0
 *         V5 V4 V3 V2 V1 V0| D | A
 * </pre>
 *
 * A (bit 0): the receiver must answer (9011 for requests, 9013 for notifications, 9014 for uploads). D (bit 1):
 * the segment carries PNUM and PNO. V5..V0: protocol version, 1 for HJ 212-2017 (0 for HJ/T 212-2005). The
 * HJ 212-2017 values are therefore 4, 5, 6 and 7.
 *
 * @param text the digits as sent
 */
public record Flag(String text) {

    /** Version bits of HJ 212-2017. */
    public static final int VERSION_2017 = 1;

    public Flag {
        Objects.requireNonNull(text, "text");
        if (!Syntax.isDigits(text, 1, 3) || Integer.parseInt(text) > 255) {
            throw new IllegalArgumentException(
                    "Flag must be an integer 0..255 of at most 3 digits, got '" + text + "'");
        }
    }

    /** The HJ 212-2017 flag with the given bits: 4, 5, 6 or 7. */
    public static Flag of(boolean answerWanted, boolean split) {
        return new Flag(Integer.toString((VERSION_2017 << 2) | (split ? 2 : 0) | (answerWanted ? 1 : 0)));
    }

    /** The integer value. */
    public int bits() {
        return Integer.parseInt(text);
    }

    /** Bit A: the receiver must answer this frame. */
    public boolean answerWanted() {
        return (bits() & 1) != 0;
    }

    /** Bit D: the frame is one packet of a split message and carries PNUM and PNO. */
    public boolean split() {
        return (bits() & 2) != 0;
    }

    /** The version bits V5..V0: 1 for HJ 212-2017, 0 for HJ/T 212-2005. */
    public int version() {
        return bits() >>> 2;
    }

    /** The same flag with bit D set or cleared. */
    public Flag withSplit(boolean split) {
        int b = split ? bits() | 2 : bits() & ~2;
        return new Flag(Integer.toString(b));
    }

    @Override
    public String toString() {
        return text;
    }
}
