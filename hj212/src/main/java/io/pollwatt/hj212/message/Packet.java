package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.util.Objects;

/**
 * 总包数 PNUM and 包号 PNO of one packet of a split message (hj212-2017.md §12): present exactly when Flag bit D
 * is set; at most four digits each; {@code 1 <= PNO <= PNUM}.
 *
 * @param totalText PNUM as sent
 * @param numberText PNO as sent
 */
public record Packet(String totalText, String numberText) {

    public Packet {
        Objects.requireNonNull(totalText, "totalText");
        Objects.requireNonNull(numberText, "numberText");
        if (!Syntax.isDigits(totalText, 1, 4) || !Syntax.isDigits(numberText, 1, 4)) {
            throw new IllegalArgumentException(
                    "PNUM and PNO must be 1-4 digits, got PNUM=" + totalText + " PNO=" + numberText);
        }
        int total = Integer.parseInt(totalText);
        int number = Integer.parseInt(numberText);
        if (number < 1 || number > total) {
            throw new IllegalArgumentException("PNO must be within 1..PNUM, got PNO=" + number + " PNUM=" + total);
        }
    }

    /** Packet {@code number} of {@code total}. */
    public static Packet of(int total, int number) {
        return new Packet(Integer.toString(total), Integer.toString(number));
    }

    /** PNUM: how many packets the message has. */
    public int total() {
        return Integer.parseInt(totalText);
    }

    /** PNO: this packet's number, from 1. */
    public int number() {
        return Integer.parseInt(numberText);
    }
}
