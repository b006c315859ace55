package io.pollwatt.platform.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evidence log: every frame received, with receipt time, peer and verdict, append-only and hash-chained per MN
 * (hash = SHA-256 of the previous hash, the receipt time, the verdict and the raw bytes), so that a regulator can
 * show the data were not altered after receipt. Frames whose MN could not be read chain under the empty MN.
 */
final class EvidenceLog {

    /** Serialises the appends of one MN, so each sees its predecessor's hash. */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** Appends one entry within the caller's transaction; returns its id. */
    long append(Connection c, String mn, Instant receivedAt, String peer, String verdict, String code, byte[] raw)
            throws SQLException {
        String key = mn == null ? "" : mn;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            byte[] prev = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "select hash from evidence where coalesce(mn, '') = ? order by id desc limit 1")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        prev = rs.getBytes(1);
                    }
                }
            }
            byte[] hash = hash(prev, receivedAt, verdict, raw);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into evidence (mn, received_at, peer, verdict, code, raw, prev_hash, hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                ps.setString(1, mn);
                ps.setTimestamp(2, Timestamp.from(receivedAt));
                ps.setString(3, peer);
                ps.setString(4, verdict);
                ps.setString(5, code);
                ps.setBytes(6, raw);
                ps.setBytes(7, prev);
                ps.setBytes(8, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

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
