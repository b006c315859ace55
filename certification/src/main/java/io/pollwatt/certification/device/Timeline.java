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

    /**
     * The tester has just accepted the device's connection. A virtual timeline waits here until the device has seen
     * the connection too, or its time could run past the whole next phase before the device knows it may send; the
     * wall clock needs nothing.
     */
    default void deviceConnected() throws InterruptedException {}

    /** The tester has just dropped the connection; a virtual timeline waits until the device has seen it. */
    default void deviceDisconnected() throws InterruptedException {}
}
