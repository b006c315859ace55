package io.pollwatt.certification.device;

import java.time.Instant;

/**
 * The device's time base as the tester sees it. Against a real device it is the wall clock ({@link WallTimeline});
 * in the self-test it is the emulated device's virtual scheduler, so a phase of fifteen device minutes takes
 * milliseconds.
 */
public interface Timeline {

    /** Now, in the device's time base. */
    Instant now();

    /** Returns once the device's time has reached {@code t} (letting the device act meanwhile). */
    void advanceTo(Instant t) throws InterruptedException;
}
