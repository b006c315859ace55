package io.pollwatt.hj212.message;

import java.util.Objects;

/**
 * One {@code name=value} pair of the CP data area (hj212-2017.md §10). The value is the literal text the device
 * sent: {@code 1.230} stays {@code 1.230}, because a regulator's evidence is what the device sent.
 *
 * <p>Names are case-sensitive. A value never contains {@code ;} or {@code ,} unless it is log text wrapped in
 * {@code //…//}, and never {@code &&}.
 *
 * @param name the name, such as {@code DataTime} or {@code w01018-Rtd}
 * @param value the value as sent (may be empty in lenient mode)
 */
public record CpPair(String name, String value) {

    public CpPair {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("CP name must not be empty (value '" + value + "')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '=' || c == ';' || c == ',' || c == '&' || c < 0x20) {
                throw new IllegalArgumentException("CP name must not contain '" + c + "', got '" + name + "'");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("CP value of " + name
                        + " must not contain control character 0x%02X (hj212-2017.md §13)".formatted((int) c));
            }
        }
        boolean log = value.startsWith("//") && value.length() >= 4 && value.endsWith("//");
        if (value.contains("&&") || (!log && (value.indexOf(';') >= 0 || value.indexOf(',') >= 0))) {
            throw new IllegalArgumentException("CP value of " + name
                    + " may hold ';' ',' only as //log// text and never '&&', got '" + value + "'");
        }
    }

    /** The factor code before {@code -}: {@code w01018} of {@code w01018-Rtd}; the whole name when there is none. */
    public String factorCode() {
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    /** The suffix after {@code -}: {@code Rtd} of {@code w01018-Rtd}; empty when there is none. */
    public String suffix() {
        int dash = name.indexOf('-');
        return dash < 0 ? "" : name.substring(dash + 1);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
