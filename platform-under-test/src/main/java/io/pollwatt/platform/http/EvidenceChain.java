package io.pollwatt.platform.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recomputes the evidence hash chains, independently of the ingest that wrote them. The rule, as the ingest's
 * evidence log builds it: per MN (frames whose MN could not be read chain under the empty MN), in id order,
 * {@code hash = SHA-256(prevHash ‖ epochSecond (8 bytes, big-endian) ‖ nano (4 bytes) ‖ verdict (ASCII) ‖ raw)},
 * {@code prevHash} absent for the first entry and otherwise the previous entry's hash.
 */
final class EvidenceChain {

    /** The first link that does not hold. {@code what} is {@code hash} or {@code prevHash}. */
    record Break(long evidenceId, String what, String expected, String stored) {}

    /** One chain: {@code checked} entries read (up to the break), {@code broken} {@code null} when all hold. */
    record Result(String mn, boolean ok, long checked, Break broken) {}

    private EvidenceChain() {}

    /** The hash of one entry. */
    static byte[] hash(byte[] prev, Instant receivedAt, String verdict, byte[] raw) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
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
    }

    /** The chain keys present: the MNs with evidence, and {@code ""} for frames without a readable MN. */
    static List<String> chains(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("select distinct coalesce(mn, '') as k from evidence order by k");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /** Verifies the chain of {@code key} ({@code ""}: frames without MN), streaming it from the database. */
    static Result verify(Connection c, String key) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (PreparedStatement ps =
                c.prepareStatement("select id, received_at, verdict, raw, prev_hash, hash from evidence"
                        + " where coalesce(mn, '') = ? order by id")) {
            ps.setFetchSize(500);
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] prev = null;
                long n = 0;
                while (rs.next()) {
                    n++;
                    long id = rs.getLong("id");
                    byte[] storedPrev = rs.getBytes("prev_hash");
                    byte[] stored = rs.getBytes("hash");
                    if (!Arrays.equals(prev, storedPrev)) {
                        return new Result(
                                key, false, n, new Break(id, "prevHash", RawText.hex(prev), RawText.hex(storedPrev)));
                    }
                    Instant at =
                            rs.getObject("received_at", OffsetDateTime.class).toInstant();
                    byte[] expected = hash(prev, at, rs.getString("verdict"), rs.getBytes("raw"));
                    if (!Arrays.equals(expected, stored)) {
                        return new Result(
                                key, false, n, new Break(id, "hash", RawText.hex(expected), RawText.hex(stored)));
                    }
                    prev = stored;
                }
                return new Result(key, true, n, null);
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
    }
}
