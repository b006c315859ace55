package io.pollwatt.verification.testbed;

import java.time.Instant;
import java.util.Objects;

/**
 * A restart of the reference platform during a run, at a moment chosen by what it stored: once the virtual clock has
 * passed {@code after}, when {@code records} more records have been stored (a resend burst is over in an instant of
 * virtual time, so a time alone cannot fall inside it). The ingest server stops — what it received is stored, its
 * connections drop, acknowledgements not yet written are lost — and starts again on the same port and database; the
 * devices reconnect and resend what was not acknowledged.
 */
public record PlatformRestart(Instant after, int records) {

    public PlatformRestart {
        Objects.requireNonNull(after, "after");
        if (records < 1) {
            throw new IllegalArgumentException("a restart waits for at least one stored record, got " + records);
        }
    }
}
