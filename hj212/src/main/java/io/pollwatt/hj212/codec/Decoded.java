package io.pollwatt.hj212.codec;

import io.pollwatt.hj212.message.Hj212Message;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of decoding one frame: a message, or why not. Decoding never throws for bad input.
 */
public sealed interface Decoded permits Decoded.Ok, Decoded.Rejected {

    /** Whether the frame was accepted. */
    boolean ok();

    /**
     * An accepted frame.
     *
     * @param message the message
     * @param warnings the deviations tolerated in lenient mode, in check order; empty in strict mode
     */
    record Ok(Hj212Message message, List<Warning> warnings) implements Decoded {
        public Ok {
            Objects.requireNonNull(message, "message");
            warnings = List.copyOf(warnings);
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    /**
     * A rejected frame: the first check of hj212-2017.md §19 that failed.
     *
     * @param code the reason
     * @param offset byte offset in the frame where the problem is, counted from the first {@code #}
     * @param field the field concerned ({@code header}, {@code length}, {@code CRC}, {@code MN}, {@code w01018-Rtd},
     *     …)
     * @param detail expected and actual, in words
     */
    record Rejected(Hj212Error code, int offset, String field, String detail) implements Decoded {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean ok() {
            return false;
        }

        /** {@code CODE at byte N (field): detail}, e.g. {@code BAD_CRC at byte 145 (CRC): expected 17C0, got '7D00'}. */
        @Override
        public String toString() {
            return "%s at byte %d (%s): %s".formatted(code, offset, field, detail);
        }
    }
}
