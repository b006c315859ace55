package io.pollwatt.platform.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.alarms.RecentRecords.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rule ticks' kept records: what they return is what the store holds, read from it only where it changed. */
class RecentRecordsTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 0, 0);

    /** An in-memory store of records keyed by (MN, CN, DataTime), counting the records each read returns. */
    private static final class FakeStore implements RecentRecords.Store {
        final TreeMap<String, Row> rows = new TreeMap<>();
        int read;

        void put(String mn, String cn, LocalDateTime t, String value) {
            rows.put(mn + "|" + t + "|" + cn, new Row(cn, t, Map.of("e20301-Rtd", value), Instant.EPOCH));
        }

        @Override
        public List<Row> between(Connection c, String mn, LocalDateTime from, LocalDateTime until) {
            return count(select(mn, r -> !r.time().isBefore(from) && r.time().isBefore(until)));
        }

        @Override
        public List<Row> at(Connection c, String mn, Collection<LocalDateTime> times) {
            return count(select(mn, r -> times.contains(r.time())));
        }

        private List<Row> select(String mn, java.util.function.Predicate<Row> p) {
            List<Row> out = new ArrayList<>();
            rows.forEach((k, r) -> {
                if (k.startsWith(mn + "|") && p.test(r)) {
                    out.add(r);
                }
            });
            out.sort(Comparator.comparing(Row::time).thenComparing(Row::cn));
            return out;
        }

        private List<Row> count(List<Row> out) {
            read += out.size();
            return out;
        }
    }

    private final FakeStore store = new FakeStore();

    private void fill(String mn, int from, int to) {
        for (int k = from; k < to; k++) {
            store.put(mn, "2011", T0.plusMinutes(15L * k), "v" + k);
            store.put(mn, "2051", T0.plusMinutes(15L * k), "m" + k);
        }
    }

    @Test
    void a_later_read_fetches_only_the_new_time_and_the_reported_changes() throws SQLException {
        RecentRecords recent = new RecentRecords(10_000, store);
        fill("A", 0, 96);
        List<Row> first = recent.rows(null, "A", T0, T0.plusDays(1));
        assertThat(first).hasSize(192);
        assertThat(store.read).isEqualTo(192);

        fill("A", 96, 100); // an hour more, reported as the ingest reports it
        store.put("A", "2011", T0.plusHours(3), "late"); // a resend that changed a kept record
        recent.changed("A", T0.plusHours(3));
        store.read = 0;
        List<Row> second =
                recent.rows(null, "A", T0.plusHours(1), T0.plusDays(1).plusHours(1));

        assertThat(second)
                .isEqualTo(
                        store.between(null, "A", T0.plusHours(1), T0.plusDays(1).plusHours(1)));
        assertThat(second.stream().filter(r -> r.time().equals(T0.plusHours(3)) && r.cn().equals("2011")))
                .singleElement()
                .satisfies(r -> assertThat(r.cp()).containsEntry("e20301-Rtd", "late"));
        // 8 new records, the 2 at the changed DataTime, and the comparison read above (192)
        assertThat(store.read).isEqualTo(8 + 2 + 192);
        assertThat(recent.size())
                .as("while the budget allows, the hour before the read is kept")
                .isEqualTo(200);
    }

    @Test
    void a_record_written_without_a_report_is_not_seen_where_kept_which_is_why_the_ingest_reports_each()
            throws SQLException {
        RecentRecords recent = new RecentRecords(10_000, store);
        fill("A", 0, 8);
        recent.rows(null, "A", T0, T0.plusHours(2));
        store.put("A", "2011", T0.plusMinutes(30), "silent");

        assertThat(recent.rows(null, "A", T0, T0.plusHours(2)))
                .filteredOn(r -> r.time().equals(T0.plusMinutes(30)) && r.cn().equals("2011"))
                .singleElement()
                .satisfies(r -> assertThat(r.cp()).containsEntry("e20301-Rtd", "v2"));
        recent.changed("A", T0.plusMinutes(30));
        assertThat(recent.rows(null, "A", T0, T0.plusHours(2)))
                .isEqualTo(store.between(null, "A", T0, T0.plusHours(2)));
    }

    @Test
    void a_month_is_kept_for_the_daily_look_back_while_the_budget_allows_and_only_what_was_read_beyond_it()
            throws SQLException {
        fill("A", 0, 96 * 40);
        RecentRecords roomy = new RecentRecords(100_000, store);
        roomy.rows(null, "A", T0, T0.plusDays(35)); // a long look-back
        roomy.rows(null, "A", T0.plusDays(33), T0.plusDays(35)); // then the ticks' two days
        assertThat(roomy.size()).as("32 days back from the end").isEqualTo(32 * 96 * 2);
        store.read = 0;
        roomy.rows(null, "A", T0.plusDays(4), T0.plusDays(36)); // the next day's look-back
        assertThat(store.read).as("only the new day").isEqualTo(96 * 2);

        RecentRecords tight = new RecentRecords(1_000, store);
        tight.rows(null, "A", T0, T0.plusDays(3));
        tight.rows(null, "A", T0.plusDays(2), T0.plusDays(3));
        assertThat(tight.size()).as("only the last read's day").isEqualTo(96 * 2);
    }

    @Test
    void past_the_budget_the_device_read_longest_ago_is_forgotten() throws SQLException {
        RecentRecords recent = new RecentRecords(300, store);
        fill("A", 0, 96);
        fill("B", 0, 96);
        recent.rows(null, "A", T0, T0.plusDays(1));
        recent.rows(null, "B", T0, T0.plusDays(1));
        assertThat(recent.size()).isEqualTo(192);

        store.read = 0;
        assertThat(recent.rows(null, "A", T0, T0.plusDays(1))).hasSize(192);
        assertThat(store.read).as("A was forgotten and read whole again").isEqualTo(192);
    }

    @Test
    void any_sequence_of_writes_reports_and_reads_returns_what_the_store_holds() throws SQLException {
        Random random = new Random(20261203);
        RecentRecords recent = new RecentRecords(2_000, store);
        List<String> mns = List.of("A", "B", "C");
        int now = 0; // in steps of 15 minutes
        for (int tick = 0; tick < 400; tick++) {
            now += 1 + random.nextInt(4);
            for (String mn : mns) {
                // live records up to now, now and then one late or changed, always reported
                for (int k = Math.max(0, now - 4); k <= now; k++) {
                    if (random.nextInt(10) > 0) {
                        write(recent, mn, k, "v" + k);
                    }
                }
                if (random.nextInt(5) == 0 && now > 20) {
                    int k = now - 1 - random.nextInt(Math.min(now, 300));
                    write(recent, mn, k, "late" + tick);
                }
            }
            String mn = mns.get(random.nextInt(mns.size()));
            int back = random.nextInt(8) == 0 ? 30 * 96 : 2 * 96; // now and then a long look-back
            LocalDateTime from = T0.plusMinutes(15L * Math.max(0, now - back - random.nextInt(96)));
            LocalDateTime until = T0.plusMinutes(15L * (now + 1));
            assertThat(recent.rows(null, mn, from, until))
                    .as("tick %d, %s, %s .. %s", tick, mn, from, until)
                    .isEqualTo(store.between(null, mn, from, until));
        }
    }

    private void write(RecentRecords recent, String mn, int k, String value) {
        store.put(mn, k % 3 != 0 ? "2011" : "2051", T0.plusMinutes(15L * k), value); // a third are minute data
        recent.changed(mn, T0.plusMinutes(15L * k));
    }
}
