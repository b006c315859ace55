package io.pollwatt.hj212.netty;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.Hj212Message;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Hj212FrameDecoder} passes up the pipeline: one alleged frame, or one run of skipped bytes, with its
 * verdict. Bad input arrives here as a value ({@link Decoded.Rejected}), never as an exception (style.md §3, §7).
 *
 * @param streamOffset offset of the first byte of {@code raw} in the channel's inbound byte stream, counted from 0
 *     when the decoder was added; offsets inside a rejection count from here
 * @param raw the bytes exactly as received: the whole frame from {@code ##} to the trailer, or the skipped bytes
 * @param decoded the message and its lenient-mode warnings, or why the bytes were rejected
 */
public record ReceivedFrame(long streamOffset, FrameBytes raw, Decoded decoded) {

    public ReceivedFrame {
        if (streamOffset < 0) {
            throw new IllegalArgumentException("streamOffset must be >= 0, got " + streamOffset);
        }
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(decoded, "decoded");
    }

    /** Whether the frame was accepted. */
    public boolean ok() {
        return decoded.ok();
    }

    /** The message, when the frame was accepted. */
    public Optional<Hj212Message> message() {
        return decoded instanceof Decoded.Ok accepted ? Optional.of(accepted.message()) : Optional.empty();
    }
}
