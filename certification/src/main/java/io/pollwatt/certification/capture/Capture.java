package io.pollwatt.certification.capture;

import io.pollwatt.certification.catalogue.Declaration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole conversation of one certification run, or a vendor's recording of one: what the device declared, when the
 * recording started (in the device's time base) and every entry in order. {@link CaptureFormat} writes and reads it
 * as JSON lines.
 *
 * @param declaration the device's declaration
 * @param start the instant offset 0 stands for
 * @param live whether a tester recorded it while driving a live device (false for a vendor's own recording)
 * @param entries bytes and events, in order
 */
public record Capture(Declaration declaration, Instant start, boolean live, List<CaptureEntry> entries) {

    public Capture {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(start, "start");
        entries = List.copyOf(entries);
    }
}
