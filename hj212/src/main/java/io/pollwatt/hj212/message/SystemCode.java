package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.util.Objects;
import java.util.Optional;

/**
 * 系统编码 ST as sent: two characters in HJ 212-2017 (Table 3, C2), two or three from some vendors. {@link #known()}
 * gives its meaning when Table 5 has one.
 *
 * @param text the code as sent
 */
public record SystemCode(String text) {

    public SystemCode {
        Objects.requireNonNull(text, "text");
        if (!Syntax.isLenientSt(text)) {
            throw new IllegalArgumentException("ST must be 2-3 letters or digits, got '" + text + "'");
        }
    }

    /** The code of a Table 5 system type. */
    public static SystemCode of(St st) {
        return new SystemCode(st.code());
    }

    /** The meaning from Table 5, empty for vendor and extension codes. */
    public Optional<St> known() {
        return St.fromCode(text);
    }

    /** Whether the code has the strict HJ 212-2017 form (two of {@code 0-9 A-Z}). */
    public boolean isStrict() {
        return Syntax.isStrictSt(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
