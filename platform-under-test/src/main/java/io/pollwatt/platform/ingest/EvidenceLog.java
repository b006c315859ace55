package io.pollwatt.platform.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The evidence log: every frame received, with receipt time, peer and verdict, append-only and hash-chained per MN
 * (hash = SHA-256 of the previous hash, the receipt time as epoch seconds (8 bytes, big-endian) and nanoseconds
 * (4 bytes), the verdict in ASCII and the raw bytes), so that a regulator can show the data were not altered after
 * receipt. Frames whose MN could not be read chain under the empty MN. {@link BatchStore} writes the entries.
 */
final class EvidenceLog {

    private EvidenceLog() {}

    /** The hash of an entry following {@code prev} (null for a chain's first entry). */
    static byte[] hash(byte[] prev, Instant receivedAt, String verdict, byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (prev != null) {
                sha.update(prev);
            }
            sha.update(ByteBuffer.allocate(12)
                    .putLong(receivedAt.getEpochSecond())
                    .putInt(receivedAt.getNano())
                    .array());
            sha.update(verdict.getBytes(StandardCharsets.US_ASCII));
            sha.update(raw);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
