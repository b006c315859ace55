package io.pollwatt.emulator.device;

import java.time.LocalDateTime;

/**
 * The QN times one device has used, shared by its senders and its own answers (history records, 1013), so that two
 * of its exchanges never get the same QN even when they start in the same millisecond (hj212-2017.md §9.4: a QN names
 * one exchange). Not thread-safe: the device's one scheduler thread.
 */
final class QnSequence {

    private LocalDateTime last = LocalDateTime.MIN;

    /** {@code candidate}, or a millisecond after the last QN time when that is not earlier. */
    LocalDateTime next(LocalDateTime candidate) {
        LocalDateTime t = candidate.isAfter(last) ? candidate : last.plusNanos(1_000_000);
        last = t;
        return t;
    }
}
