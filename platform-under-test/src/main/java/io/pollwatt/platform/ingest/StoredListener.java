package io.pollwatt.platform.ingest;

import java.time.LocalDateTime;

/**
 * Told of every accepted data upload once it is durably committed (the rules re-evaluate from its DataTime). Called
 * on the ingest's writer threads: it must return quickly and not throw.
 */
@FunctionalInterface
public interface StoredListener {

    /** A record of device {@code mn} for {@code dataTime} (local time of the device) is stored. */
    void stored(String mn, LocalDateTime dataTime);
}
