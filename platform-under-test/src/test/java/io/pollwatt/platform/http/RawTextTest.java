package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {

    @Test
    void printable_ascii_stays_and_line_ends_are_escaped() {
        byte[] frame = "##0010QN=1;CP=&&&&1C80\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(RawText.escape(frame)).isEqualTo("##0010QN=1;CP=&&&&1C80\\r\\n");
    }

    @Test
    void other_bytes_are_hex_escaped_and_a_backslash_doubled_so_the_text_is_unambiguous() {
        byte[] raw = {'a', 0x00, (byte) 0xC4, '\\', 'x', '4', '1', '\t', 0x7F, (byte) 0xFF};
        assertThat(RawText.escape(raw)).isEqualTo("a\\x00\\xc4\\\\x41\\t\\x7f\\xff");
    }

    @Test
    void hashes_are_lower_case_hex_and_absent_stays_absent() {
        assertThat(RawText.hex(new byte[] {0x0A, (byte) 0xBC})).isEqualTo("0abc");
        assertThat(RawText.hex(null)).isNull();
    }
}
