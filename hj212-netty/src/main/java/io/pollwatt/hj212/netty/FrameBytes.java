package io.pollwatt.hj212.netty;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one received frame, or of bytes skipped as garbage, exactly as they came off the wire. Kept so that
 * a platform can write them to its evidence log next to the decoded message or the rejection.
 *
 * <p>An immutable wrapper rather than a {@code byte[]} so that {@link ReceivedFrame}, a record, compares by content
 * (style.md §4: no arrays in records), and rather than an ISO-8859-1 {@code String} so that nobody mistakes the
 * bytes for text: HJ 212-2017 frames are ASCII except for UTF-8 log values (hj212-2017.md §3), and broken frames may
 * hold anything.
 */
public final class FrameBytes {

    private static final FrameBytes EMPTY = new FrameBytes(new byte[0]);

    private final byte[] bytes;

    private FrameBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static FrameBytes copyOf(byte[] bytes) {
        return copyOf(bytes, 0, bytes.length);
    }

    /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static FrameBytes copyOf(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new FrameBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Takes {@code bytes} without copying; the caller must not change them afterwards. */
    static FrameBytes adopt(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new FrameBytes(bytes);
    }

    /** Number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index}, unsigned (0..255). */
    public int byteAt(int index) {
        Objects.checkIndex(index, bytes.length);
        return bytes[index] & 0xFF;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A read-only view of the bytes, for writing them out without a copy. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * The bytes as one line of ASCII, for logs and assertion messages: printable ASCII as is, CR and LF as {@code \r}
     * and {@code \n}, a backslash as {@code \\}, every other byte as {@code \xNN}. Nothing is lost, and a frame never
     * breaks a log line.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append("\\x")
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
