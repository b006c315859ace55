package io.pollwatt.certification.capture;

import io.pollwatt.hj212.netty.FrameBytes;
import java.util.Objects;

/** One line of a capture after its header: bytes that crossed the connection, or something the tester did. */
public sealed interface CaptureEntry permits CaptureEntry.Bytes, CaptureEntry.Event {

    /** Milliseconds since the capture's start, in the device's time base (the tester's clock). */
    long offsetMs();

    /** Which way bytes travel: {@code UP} device to tester, {@code DOWN} tester to device. */
    enum Way {
        UP,
        DOWN
    }

    /**
     * Bytes on connection {@code connection}: one frame from {@code ##} to CR LF, or bytes the framer skipped.
     *
     * @param offsetMs milliseconds since the start
     * @param connection connection number, from 1 in the order the device connected
     * @param way up or down
     * @param bytes exactly as on the wire
     */
    record Bytes(long offsetMs, int connection, Way way, FrameBytes bytes) implements CaptureEntry {
        public Bytes {
            Objects.requireNonNull(way, "way");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * Something the tester did or saw: a connection opened or closed, a phase of the run began or ended.
     *
     * @param offsetMs milliseconds since the start
     * @param connection the connection concerned, 0 for none
     * @param kind what happened
     * @param detail the phase's name, or free text
     */
    record Event(long offsetMs, int connection, Kind kind, String detail) implements CaptureEntry {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The kinds of event. */
    enum Kind {
        /** The device connected. */
        OPEN,
        /** The connection closed (by either side). */
        CLOSE,
        /** A phase of the run began ({@link Phase} name in the detail). */
        PHASE_START,
        /** A phase of the run ended. */
        PHASE_END
    }
}
