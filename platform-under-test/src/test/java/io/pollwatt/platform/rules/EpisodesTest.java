package io.pollwatt.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodesTest {

    private static byte[] cond(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = switch (s.charAt(i)) {
                case '1' -> Episodes.TRUE;
                case '0' -> Episodes.FALSE;
                default -> Episodes.UNKNOWN;
            };
        }
        return b;
    }

    @Test
    void rulebookBridging() {
        assertThat(Episodes.of(cond("0110"), 4)).containsExactly(new Episodes.Episode(1, 2, false));
        assertThat(Episodes.of(cond("01?10"), 5)).containsExactly(new Episodes.Episode(1, 3, false));
        assertThat(Episodes.of(cond("01?00"), 5)).containsExactly(new Episodes.Episode(1, 1, false));
        assertThat(Episodes.of(cond("01??1"), 5))
                .containsExactly(new Episodes.Episode(1, 1, false), new Episodes.Episode(4, 4, true));
        assertThat(Episodes.of(cond("011?"), 4)).containsExactly(new Episodes.Episode(1, 2, true));
        assertThat(Episodes.of(cond("011??"), 5)).containsExactly(new Episodes.Episode(1, 2, false));
        assertThat(Episodes.of(cond("0111"), 3)).containsExactly(new Episodes.Episode(1, 2, true));
        assertThat(Episodes.of(cond("??"), 2)).isEmpty();
    }

    @Test
    void durationIsReachedAtAPresentSample() {
        Episodes.Episode e = Episodes.of(cond("1?1"), 3).get(0);
        assertThat(e.length()).isEqualTo(3);
        assertThat(e.reached(2)).isEqualTo(1);
        assertThat(e.reached(4)).isEqualTo(-1);
        assertThat(List.of(e)).hasSize(1);
    }
}
