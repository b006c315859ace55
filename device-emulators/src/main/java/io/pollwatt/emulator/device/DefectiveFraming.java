package io.pollwatt.emulator.device;

import io.pollwatt.hj212.frame.Crc16;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An uplink that rewrites every frame it sends with one framing defect ({@link DtuDefect#framing()}): the data
 * segment stays as it was, only the length field or the CRC is written wrongly, as the public implementations of
 * hj212-2017.md §3 and §4.3 do. For the certification self-test only.
 */
final class DefectiveFraming implements Uplink {

    private final Uplink inner;
    private final DtuDefect defect;

    DefectiveFraming(Uplink inner, DtuDefect defect) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (!defect.framing()) {
            throw new IllegalArgumentException("not a framing defect: " + defect);
        }
        this.defect = defect;
    }

    @Override
    public boolean isUp() {
        return inner.isUp();
    }

    @Override
    public boolean send(byte[] frame) {
        return inner.send(rewrite(frame, defect));
    }

    /** {@code frame} (a strict frame: {@code ##}, length, segment, CRC, CR LF) with the defect applied. */
    static byte[] rewrite(byte[] frame, DtuDefect defect) {
        byte[] segment = Arrays.copyOfRange(frame, 6, frame.length - 6);
        byte[] out = frame.clone();
        switch (defect) {
            case WRONG_CRC_VARIANT:
                write(out, frame.length - 6, Crc16.toHex(modbus(segment)));
                return out;
            case LOWERCASE_CRC:
                String crc = new String(frame, frame.length - 6, 4, StandardCharsets.US_ASCII);
                write(out, frame.length - 6, crc.toLowerCase(Locale.ROOT));
                return out;
            case LENGTH_IN_CHARACTERS:
                int chars = new String(segment, StandardCharsets.UTF_8).length();
                write(out, 2, "%04d".formatted(chars));
                return out;
            default:
                throw new IllegalArgumentException("not a framing defect: " + defect);
        }
    }

    /** CRC-16/MODBUS: the byte XORed into the whole register, where HJ 212 first shifts it right by eight. */
    static int modbus(byte[] data) {
        int reg = 0xFFFF;
        for (byte b : data) {
            reg ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return reg;
    }

    private static void write(byte[] target, int offset, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, target, offset, b.length);
    }
}
