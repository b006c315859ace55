package io.pollwatt.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rows of one {@code COPY ... FROM STDIN (FORMAT binary)}, built in memory and sent as one message. Binary, not
 * text: the server then takes a raw frame as its bytes instead of decoding 8 KB of hex per frame, and parses no COPY
 * text (together 28 % of the writers' backend CPU at half the full ingest load); the writer formats no hex either.
 *
 * <pre>
 *   header   "PGCOPY\n\377\r\n\0", flags (int32 0), extension length (int32 0)
 *   row      field count (int16), then per field: length (int32; -1 for null) and that many bytes
 *   trailer  int16 -1
 * </pre>
 *
 * Values as the server's binary receive functions take them: text as UTF-8 (pgjdbc's client encoding), bigint as
 * 8 bytes big-endian, timestamp and timestamptz as microseconds since 2000-01-01 00:00 (UTC for timestamptz), jsonb as
 * the version byte 1 and the JSON text. One per writer: the buffer is kept and reused, so a batch allocates no
 * megabytes that the collector would have to move.
 */
final class CopyBinary {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** 2000-01-01T00:00Z, PostgreSQL's epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800L * 1_000_000L;

    private byte[] buf = new byte[1 << 16];
    private int len;

    /** Starts a new statement's rows, keeping the buffer. */
    CopyBinary reset() {
        len = 0;
        put(HEADER, 0, HEADER.length);
        return this;
    }

    /** Starts a row of {@code fields} fields. */
    CopyBinary row(int fields) {
        ensure(2);
        buf[len++] = (byte) (fields >>> 8);
        buf[len++] = (byte) fields;
        return this;
    }

    CopyBinary nul() {
        int32(-1);
        return this;
    }

    CopyBinary int8(long v) {
        int32(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    CopyBinary text(String s) {
        if (s == null) {
            return nul();
        }
        int at = open();
        utf8(s);
        return close(at);
    }

    CopyBinary bytea(byte[] b) {
        if (b == null) {
            return nul();
        }
        int32(b.length);
        put(b, 0, b.length);
        return this;
    }

    CopyBinary timestamptz(Instant t) {
        return int8(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000 - PG_EPOCH_MICROS);
    }

    /** A timestamp without time zone: the local date-time as it is. */
    CopyBinary timestamp(LocalDateTime t) {
        return timestamptz(t.toInstant(ZoneOffset.UTC));
    }

    /** A jsonb object of strings, its names in the order given. */
    CopyBinary jsonb(Map<String, String> pairs, String[] names) {
        int at = open();
        ensure(1);
        buf[len++] = 1; // jsonb's binary format version
        ensure(1);
        buf[len++] = '{';
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                ensure(1);
                buf[len++] = ',';
            }
            jsonString(names[i]);
            ensure(1);
            buf[len++] = ':';
            jsonString(pairs.get(names[i]));
        }
        ensure(1);
        buf[len++] = '}';
        return close(at);
    }

    /** Ends the rows and copies them in with {@code sql} (a {@code COPY ... FROM STDIN (FORMAT binary)}). */
    void copyIn(Connection c, String sql) throws SQLException {
        ensure(2);
        buf[len++] = (byte) 0xFF; // trailer: int16 -1
        buf[len++] = (byte) 0xFF;
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(buf, 0, len);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy(); // failed midway: leave the connection usable for the rollback
            }
        }
    }

    /** Bytes built so far (for a test). */
    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    private void jsonString(String s) {
        ensure(s.length() + 2);
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 || ch < 0x20 || ch == '"' || ch == '\\') {
                len -= i; // the rare case (escapes, non-ASCII): start the string again through a String
                utf8(escaped(s));
                ensure(1);
                buf[len++] = '"';
                return;
            }
            buf[len++] = (byte) ch;
        }
        buf[len++] = '"';
    }

    private static String escaped(String s) {
        return Json.escape(new StringBuilder(s.length() + 8), s).toString();
    }

    /** {@code s} in UTF-8: ASCII byte by byte into the buffer, anything else through the JDK's encoder. */
    private void utf8(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                len -= i;
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                put(b, 0, b.length);
                return;
            }
            buf[len++] = (byte) ch;
        }
    }

    /** Reserves a variable field's length, to be filled by {@link #close}. */
    private int open() {
        ensure(4);
        int at = len;
        len += 4;
        return at;
    }

    private CopyBinary close(int at) {
        int n = len - at - 4;
        buf[at] = (byte) (n >>> 24);
        buf[at + 1] = (byte) (n >>> 16);
        buf[at + 2] = (byte) (n >>> 8);
        buf[at + 3] = (byte) n;
        return this;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void put(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
