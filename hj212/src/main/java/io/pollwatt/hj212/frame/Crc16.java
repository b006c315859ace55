package io.pollwatt.hj212.frame;

/**
 * The CRC of HJ 212-2017 Appendix A (hj212-2017.md §4), table driven.
 *
 * <p>It is <em>not</em> CRC-16/MODBUS. Per byte the register is first shifted right by eight (the old low byte
 * is thrown away) and the byte is XORed in; then come the usual eight shift/XOR-0xA001 rounds:
 *
 * <pre>
 *   reg = 0xFFFF
 *   for b in data:  reg = (reg &gt;&gt; 8) ^ b;  8 × { lsb = reg &amp; 1; reg &gt;&gt;= 1; if lsb: reg ^= 0xA001 }
 * </pre>
 *
 * <p>After the shift only the high byte {@code h} of the previous value survives, so each step is one lookup in
 * the ordinary reflected 0xA001 table: {@code crc = TABLE[h ^ b]; h = crc >> 8}. The result is one of 256 values
 * and its low byte is always one of {@code 00 01 40 41 80 81 C0 C1}; roughly one corrupted frame in 256 still
 * passes, so a passing CRC is no proof of integrity.
 *
 * <p>Check values: empty input {@code FFFF}; {@code "123456789"} {@code 2F80}; the Appendix A data segment
 * {@code QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&}
 * {@code 1C80}.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int reg = i;
            for (int round = 0; round < 8; round++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
            TABLE[i] = reg;
        }
    }

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Crc16() {}

    /**
     * CRC of {@code length} bytes of {@code data} from {@code offset}: the data segment only, never {@code ##},
     * the length field, the CRC or CR LF. Bytes are taken unsigned (0..255).
     *
     * @return the 16-bit CRC, {@code 0xFFFF} for no bytes
     */
    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        int high = 0xFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = TABLE[high ^ (data[i] & 0xFF)];
            high = crc >>> 8;
        }
        return crc;
    }

    /**
     * One step of the CRC: the register after {@code b} (0..255) given the register {@code crc} before it. Start with
     * {@code 0xFFFF}. For decoders that fuse the CRC with their own scan of the segment.
     */
    public static int update(int crc, int b) {
        return TABLE[(crc >>> 8) ^ b];
    }

    /** CRC of a whole array; see {@link #compute(byte[], int, int)}. */
    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }

    /** The CRC as it is written on the wire: four upper-case hex digits, high byte first, zero padded. */
    public static String toHex(int crc) {
        char[] out = new char[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (char) HEX_UPPER[(crc >>> (12 - 4 * i)) & 0xF];
        }
        return new String(out);
    }

    /** Writes the four upper-case hex digits of {@code crc} into {@code target} at {@code offset}. */
    public static void writeHex(int crc, byte[] target, int offset) {
        for (int i = 0; i < 4; i++) {
            target[offset + i] = HEX_UPPER[(crc >>> (12 - 4 * i)) & 0xF];
        }
    }
}
