package io.pollwatt.verification.testbed;

/** A read of the platform under test failed; the message names what was read and why it failed. */
public final class PlatformStoreException extends RuntimeException {

    public PlatformStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public PlatformStoreException(String message) {
        super(message);
    }
}
