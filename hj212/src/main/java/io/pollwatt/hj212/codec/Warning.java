package io.pollwatt.hj212.codec;

import java.util.Objects;

/**
 * A deviation from HJ 212-2017 that lenient decoding tolerated. The code is the one strict decoding would have
 * rejected the frame with, so a platform can count each kind of deviation per device.
 *
 * @param code what strict mode would have said
 * @param offset byte offset in the frame, counted from the first {@code #}
 * @param field the field concerned ({@code CRC}, {@code MN}, {@code w01018-Rtd}, …)
 * @param detail expected and actual, in words
 */
public record Warning(Hj212Error code, int offset, String field, String detail) {

    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "%s at byte %d (%s): %s".formatted(code, offset, field, detail);
    }
}
