package io.pollwatt.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyBinaryTest {

    private static final int HEADER = 19;

    @Test
    void aRowIsItsFieldCountThenEachFieldsLengthAndBytes() {
        byte[] b = new CopyBinary()
                .reset()
                .row(3)
                .text("MN1")
                .nul()
                .bytea(new byte[] {1, 2})
                .bytes();

        assertThat(new String(b, 0, 7, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY\n");
        assertThat(Arrays.copyOfRange(b, HEADER, b.length))
                .containsExactly(0, 3, 0, 0, 0, 3, 'M', 'N', '1', -1, -1, -1, -1, 0, 0, 0, 2, 1, 2);
    }

    @Test
    void timesAreMicrosecondsSincePostgresEpoch() {
        byte[] tz = new CopyBinary()
                .reset()
                .timestamptz(Instant.parse("2000-01-01T00:00:01.000002Z"))
                .bytes();
        byte[] local = new CopyBinary()
                .reset()
                .timestamp(LocalDateTime.of(1999, 12, 31, 23, 59, 59))
                .bytes();

        assertThat(Arrays.copyOfRange(tz, HEADER, tz.length))
                .containsExactly(0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0F, 0x42, 0x42);
        assertThat(Arrays.copyOfRange(local, HEADER + 4, local.length))
                .containsExactly(-1, -1, -1, -1, -1, 0xF0, 0xBD, 0xC0);
    }

    @Test
    void jsonbIsVersionOneThenTheObjectEscapedAndInUtf8() {
        Map<String, String> cp = new LinkedHashMap<>();
        cp.put("a\"b", "1\\2");
        cp.put("w01018-Rtd", "é\n");
        String[] names = {"a\"b", "w01018-Rtd"};

        byte[] b = new CopyBinary().reset().jsonb(cp, names).bytes();

        String json = "{\"a\\\"b\":\"1\\\\2\",\"w01018-Rtd\":\"é\\u000a\"}";
        byte[] expected = json.getBytes(StandardCharsets.UTF_8);
        assertThat(b[HEADER + 3]).isEqualTo((byte) (expected.length + 1));
        assertThat(b[HEADER + 4]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(b, HEADER + 5, b.length)).isEqualTo(expected);
    }

    @Test
    void namesGoShorterFirstThenBytewiseAndEachListIsSortedOnce() {
        Map<String, String> cp = new LinkedHashMap<>();
        cp.put("g70101-Rtd", "1");
        cp.put("g70101-Flag", "N");
        cp.put("g70100-Rtd", "2");
        JsonbOrder order = new JsonbOrder();

        String[] first = order.of(cp);

        assertThat(first).containsExactly("g70100-Rtd", "g70101-Rtd", "g70101-Flag");
        assertThat(order.of(new LinkedHashMap<>(cp))).isSameAs(first);
    }
}
