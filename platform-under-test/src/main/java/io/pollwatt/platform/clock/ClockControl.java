package io.pollwatt.platform.clock;

import java.time.Instant;

/** What {@code PUT /api/clock} does to a platform that runs on a {@link SettableClock}. */
public interface ClockControl {

    /**
     * Sets the platform's clock to {@code now} and, when {@code judge}, runs its rules once over what has arrived,
     * returning when they are done (their alarms stored).
     */
    void set(Instant now, boolean judge) throws Exception;
}
