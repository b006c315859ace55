package io.pollwatt.platform.ingest;

/**
 * A frame with the platform's verdict on it, as the evidence log records it.
 *
 * @param frame the frame
 * @param mn the MN it carried ({@code null} when it could not be read that far)
 * @param verdict what became of it
 * @param code the reason of a rejection or quarantine ({@code null} when accepted)
 */
record Judged(Inbound frame, String mn, Verdict verdict, String code) {

    /** What the platform did with a frame. */
    enum Verdict {
        /** Valid, from a registered device with its password: stored (if data) and answered. */
        ACCEPTED,
        /** Not a valid frame (the codec's reason code), or data the store cannot file: logged only. */
        REJECTED,
        /** Valid, but from an unknown MN or with a wrong password: logged and quarantined, never answered. */
        QUARANTINED
    }
}
