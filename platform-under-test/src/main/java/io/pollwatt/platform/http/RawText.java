package io.pollwatt.platform.http;

import java.util.HexFormat;

/** How raw frame bytes are shown as text: printable ASCII as is, everything else escaped, reversibly. */
final class RawText {

    private static final HexFormat HEX = HexFormat.of();

    private RawText() {}

    /**
     * Printable ASCII (0x20–0x7E) as is, backslash as {@code \\}, CR/LF/TAB as {@code \r \n \t}, any other byte as
     * {@code \xNN} (lower-case hex). So {@code ##0101QN=…\r\n}; a GBK or UTF-8 byte in a frame shows as {@code \xc4}.
     */
    static String escape(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length + 8);
        for (byte b : raw) {
            int c = b & 0xFF;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c >= 0x20 && c <= 0x7E) {
                sb.append((char) c);
            } else {
                sb.append("\\x").append(HEX.toHexDigits((byte) c));
            }
        }
        return sb.toString();
    }

    /** Lower-case hex of {@code bytes}, {@code null} for {@code null}. */
    static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
