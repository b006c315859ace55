package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 请求编码 QN: 17 digits {@code YYYYMMDDhhmmsszzz}, the sender's clock to the millisecond (Table 3; hj212-2017.md
 * §9.4). It names one exchange: answers (9011–9014) copy the QN of the frame they answer.
 *
 * @param text the 17 digits as sent
 */
public record Qn(String text) {

    public Qn {
        Objects.requireNonNull(text, "text");
        if (!Syntax.isDigits(text, 17, 17) || !Syntax.isTime(text, 0)) {
            throw new IllegalArgumentException("QN must be 17 digits YYYYMMDDhhmmsszzz, got '" + text + "'");
        }
    }

    /** The QN for an instant of the sender's clock (local time in the configured zone), to the millisecond. */
    public static Qn of(LocalDateTime time) {
        return new Qn(Syntax.formatQnTime(time));
    }

    /** The time the QN stands for. */
    public LocalDateTime time() {
        return Syntax.parseTime(text, true);
    }

    @Override
    public String toString() {
        return text;
    }
}
