package io.pollwatt.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration DAYS_30 = Duration.ofDays(30);

    @TempDir
    Path dir;

    private static String segment(int i) {
        return "QN=20260301000000000;ST=51;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=" + i
                + "&&";
    }

    @Test
    void unsent_records_come_oldest_first_and_survive_a_restart_with_their_acks() {
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            for (int i = 0; i < 10; i++) {
                store.append(T0.plus(Duration.ofMinutes(15L * i)), "2011", segment(i));
            }
            store.acked("p1", 0);
            store.acked("p1", 2);
            store.acked("p1", 2); // harmless
        }
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            assertThat(store.size()).isEqualTo(10);
            assertThat(store.unsent("p1", 3))
                    .extracting(RecordStore.StoredRecord::seq)
                    .containsExactly(1L, 3L, 4L);
            assertThat(store.unsentCount("p1")).isEqualTo(8);
            assertThat(store.unsent("p1", 1).get(0).segment()).isEqualTo(segment(1));
            assertThat(store.append(T0.plus(Duration.ofHours(3)), "2011", segment(10)))
                    .isEqualTo(10);
        }
    }

    @Test
    void each_platform_keeps_its_own_cursor() {
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("a", "b"))) {
            store.append(T0, "2011", segment(0));
            store.append(T0.plusSeconds(900), "2011", segment(1));
            store.acked("a", 0);
            store.acked("a", 1);
            assertThat(store.unsentCount("a")).isZero();
            assertThat(store.unsentCount("b")).isEqualTo(2);
        }
    }

    @Test
    void records_beyond_retention_are_dropped_and_the_unsent_loss_is_reported() {
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            for (int day = 0; day < 32; day++) {
                store.append(T0.plus(Duration.ofDays(day)), "2011", segment(day));
            }
            store.acked("p1", 0);
            List<RecordStore.Dropped> dropped = store.expire(T0.plus(Duration.ofDays(32)));
            // days 0 and 1 are older than 30 days; day 0 had been acknowledged
            assertThat(dropped)
                    .containsExactly(
                            new RecordStore.Dropped("p1", 1, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))));
            assertThat(store.size()).isEqualTo(30);
            assertThat(store.unsent("p1", 1).get(0).seq()).isEqualTo(2);
        }
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            assertThat(store.size()).isEqualTo(30);
            assertThat(store.range("2011", T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(6))))
                    .extracting(RecordStore.StoredRecord::segment)
                    .containsExactly(segment(5), segment(6));
        }
    }

    @Test
    void a_line_cut_by_a_crash_is_not_a_record() throws Exception {
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            store.append(T0, "2011", segment(0));
        }
        Files.writeString(
                dir.resolve("records.log"), "1\t1772323200\t20", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (RecordStore store = RecordStore.open(dir, DAYS_30, Set.of("p1"))) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.append(T0.plusSeconds(900), "2011", segment(1))).isEqualTo(1);
            assertThat(store.unsent("p1", 5))
                    .extracting(RecordStore.StoredRecord::segment)
                    .containsExactly(segment(0), segment(1));
        }
    }
}
