package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * HJ 212 times (Table 4, N14 {@code YYYYMMDDhhmmss}): {@code DataTime}, {@code BeginTime}, {@code EndTime},
 * {@code SystemTime}, {@code RestartTime}. They carry no zone: the zone is configuration (Asia/Shanghai by
 * default), never the machine's.
 */
public final class Hj212Time {

    private Hj212Time() {}

    /** The N14 text of {@code t} (seconds kept, nanoseconds dropped). */
    public static String format(LocalDateTime t) {
        return Syntax.formatTime(t);
    }

    /** The time an N14 text (or the 17-digit form with milliseconds) stands for, if it is one. */
    public static Optional<LocalDateTime> parse(String text) {
        return Optional.ofNullable(Syntax.parseTime(text, true));
    }
}
