package io.pollwatt.platform.ingest;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the ingest since start (the API's ingest statistics). */
public final class IngestStats {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong quarantined = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong timeCalibrations = new AtomicLong();
    final AtomicLong gapRequests = new AtomicLong();
    private final ConcurrentHashMap<String, Instant> lastSeen = new ConcurrentHashMap<>();

    /** Frames accepted and stored. */
    public long accepted() {
        return accepted.get();
    }

    /** Frames rejected by the codec. */
    public long rejected() {
        return rejected.get();
    }

    /** Frames of unknown devices or with a wrong password. */
    public long quarantined() {
        return quarantined.get();
    }

    /** Records stored (one per MN, CN and DataTime). */
    public long records() {
        return records.get();
    }

    /** Records received again with nothing new (resends), not stored twice. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Values received again with another value for a name already stored, kept out and reported. */
    public long conflicts() {
        return conflicts.get();
    }

    /** Device clocks the platform set (1012). */
    public long timeCalibrations() {
        return timeCalibrations.get();
    }

    /** Requests for the minute data of a gap (2051 with BeginTime/EndTime). */
    public long gapRequests() {
        return gapRequests.get();
    }

    /** When a frame of {@code mn} was last accepted (since start), if one was. */
    public Optional<Instant> lastSeen(String mn) {
        return Optional.ofNullable(lastSeen.get(mn));
    }

    void seen(String mn, Instant at) {
        lastSeen.merge(mn, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
