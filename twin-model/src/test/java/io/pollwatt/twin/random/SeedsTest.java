package io.pollwatt.twin.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedsTest {

    private static int[] draw(Random r) {
        return IntStream.range(0, 20).map(i -> r.nextInt(1_000_000)).toArray();
    }

    @Test
    void same_seed_and_key_give_the_same_stream_whatever_else_was_drawn() {
        Seeds a = new Seeds(42);
        Seeds b = new Seeds(42);
        draw(b.streamFor("load/E001/P2")); // another entity's draws do not matter
        assertThat(draw(a.streamFor("load/E001/P1"))).isEqualTo(draw(b.streamFor("load/E001/P1")));
    }

    @Test
    void another_seed_or_key_gives_another_stream() {
        int[] base = draw(new Seeds(42).streamFor("load/E001/P1"));
        assertThat(draw(new Seeds(43).streamFor("load/E001/P1"))).isNotEqualTo(base);
        assertThat(draw(new Seeds(42).streamFor("load/E001/P2"))).isNotEqualTo(base);
    }
}
