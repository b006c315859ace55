package io.pollwatt.report.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Checks shared by the records' compact constructors; each message names the record, the field and the value. */
final class Require {
    private Require() {}

    static String text(String record, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("%s.%s must not be blank, got %s"
                    .formatted(record, field, value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static <T> T present(String record, String field, T value) {
        return Objects.requireNonNull(value, () -> record + "." + field + " must not be null");
    }

    static <T> List<T> list(String record, String field, Collection<T> values) {
        present(record, field, values);
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(record + "." + field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    static void ordered(String record, Instant start, Instant end) {
        present(record, "start", start);
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "%s must not end before it starts: start %s, end %s".formatted(record, start, end));
        }
    }

    static int count(String record, String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("%s.%s must be ≥ 0, got %d".formatted(record, field, value));
        }
        return value;
    }

    static double ratio(String record, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "%s.%s must be a ratio in [0, 1], got %s".formatted(record, field, value));
        }
        return value;
    }
}
