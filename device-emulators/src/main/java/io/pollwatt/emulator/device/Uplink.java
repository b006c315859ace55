package io.pollwatt.emulator.device;

/**
 * A DTU's connection to one platform (4G, TCP in the field; in memory in tests). Frames go out with {@link #send};
 * answers come back through {@link Sender#onFrame}. An uplink that is down refuses to send.
 */
public interface Uplink {

    /** Whether the connection is up now. */
    boolean isUp();

    /** Sends one complete frame; returns false when the link is down (nothing was sent). */
    boolean send(byte[] frame);
}
