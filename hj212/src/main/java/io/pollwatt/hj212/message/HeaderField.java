package io.pollwatt.hj212.message;

import java.util.Objects;

/**
 * A header field that HJ 212-2017 does not define (a lower-case {@code qn}, a vendor field). Lenient decoding keeps
 * it as evidence and warns; the encoder does not write it.
 *
 * @param name the name as sent
 * @param value the value as sent
 */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
