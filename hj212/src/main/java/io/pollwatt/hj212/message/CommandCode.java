package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.util.Objects;
import java.util.Optional;

/**
 * 命令编码 CN as sent: four digits (Table 3, N4). {@link #known()} gives the command when Table 9 or the known
 * extension list has it.
 *
 * @param text the four digits as sent
 */
public record CommandCode(String text) {

    public CommandCode {
        Objects.requireNonNull(text, "text");
        if (!Syntax.isDigits(text, 4, 4)) {
            throw new IllegalArgumentException("CN must be 4 digits, got '" + text + "'");
        }
    }

    /** The code of a known command. */
    public static CommandCode of(Cn cn) {
        return new CommandCode(cn.wire());
    }

    /** The numeric value, 0..9999. */
    public int value() {
        return Integer.parseInt(text);
    }

    /** The command, empty for codes neither in Table 9 nor in the known extensions. */
    public Optional<Cn> known() {
        return Cn.fromCode(value());
    }

    /** Whether this is the given command. */
    public boolean is(Cn cn) {
        return value() == cn.code();
    }

    @Override
    public String toString() {
        return text;
    }
}
