package io.pollwatt.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Hj212Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private RecordStore store;
    private SimTime time;
    private TestPlatform platform;
    private Sender sender;

    private void setUp(Sender.Settings settings) {
        store = RecordStore.open(dir, Duration.ofDays(30), Set.of("p"));
        time = new SimTime(T0);
        platform = new TestPlatform(time);
        sender = new Sender("p", store, platform, time, ZONE, settings);
        platform.sender = sender;
    }

    /** A DTU that stores a 2011 record every 15 minutes and offers it live, for {@code hours}. */
    private void produce(int hours) {
        time.scheduler.every(T0, Duration.ofMinutes(15), () -> {
            LocalDateTime local = LocalDateTime.ofInstant(time.now(), ZONE);
            Hj212Message m = Messages.electricity2011(2, local);
            String segment = new String(Hj212Codec.encode(m), StandardCharsets.UTF_8);
            segment = segment.substring(6, segment.length() - 6);
            sender.offerLive(store.append(time.now(), "2011", segment));
        });
        time.scheduler.runUntil(T0.plus(Duration.ofHours(hours)).minusSeconds(1));
    }

    @Test
    void live_records_are_sent_once_and_acknowledged() {
        setUp(Sender.Settings.defaults());
        produce(4);
        time.scheduler.runFor(Duration.ofMinutes(1));
        assertThat(platform.rejected).isEmpty();
        assertThat(store.size()).isEqualTo(17); // 00:00 to 04:00 every 15 minutes
        assertThat(platform.received).hasSize(17);
        assertThat(store.unsentCount("p")).isZero();
        assertThat(sender.stats().acked()).isEqualTo(17);
        assertThat(sender.stats().retries()).isZero();
    }

    @Test
    void an_unanswered_upload_is_resent_with_the_same_qn_recount_times_then_kept() {
        setUp(Sender.Settings.defaults());
        platform.silent = m -> true;
        produce(1);
        time.scheduler.runFor(Duration.ofSeconds(50));
        List<String> qns =
                platform.received.stream().map(m -> m.header().qn().text()).toList();
        assertThat(qns.subList(0, 4)).containsOnly(qns.get(0)); // first attempt + 3 resends, one QN
        assertThat(sender.stats().unanswered()).isGreaterThanOrEqualTo(1);
        assertThat(store.unsentCount("p")).isEqualTo(store.size());
        platform.silent = m -> false;
        time.scheduler.runFor(Duration.ofMinutes(10));
        assertThat(store.unsentCount("p")).isZero();
    }

    @Test
    void after_a_72_hour_outage_everything_arrives_oldest_first_while_live_data_goes_on() {
        setUp(new Sender.Settings(Duration.ofSeconds(10), 3, 60, Duration.ofSeconds(60)));
        Instant outageEnd = T0.plus(Duration.ofHours(74));
        platform.down = t -> !t.isBefore(T0.plus(Duration.ofHours(2))) && t.isBefore(outageEnd);
        time.scheduler.at(outageEnd, sender::linkUp);
        produce(80);
        time.scheduler.runFor(Duration.ofHours(2));
        assertThat(platform.rejected).isEmpty();
        assertThat(store.unsentCount("p")).isZero();
        List<String> times = platform.dataTimes();
        assertThat(new HashSet<>(times)).hasSize(store.size()); // nothing lost
        assertThat(store.size()).isGreaterThanOrEqualTo(80 * 4);
        assertThat(times).doesNotHaveDuplicates(); // nothing sent twice once acknowledged
        // the backlog went out oldest first
        List<String> backlog = times.stream()
                .filter(t -> t.compareTo("20260301100000") >= 0 && t.compareTo("20260304100000") < 0)
                .toList();
        assertThat(backlog).isSorted();
    }

    @Test
    void with_resend_off_what_failed_live_stays_in_the_store_unsent_and_nothing_else_is_held_back() {
        setUp(new Sender.Settings(Duration.ofSeconds(10), 3, 60, Duration.ofSeconds(60)));
        Instant outageStart = T0.plus(Duration.ofHours(2));
        Instant outageEnd = T0.plus(Duration.ofHours(4));
        platform.down = t -> !t.isBefore(outageStart) && t.isBefore(outageEnd);
        // resend off for the outage's first hour only: the second hour's records are resent as usual
        sender.noResend(List.of(new io.pollwatt.twin.fault.Window(outageStart, outageStart.plus(Duration.ofHours(1)))));
        time.scheduler.at(outageEnd, sender::linkUp);
        produce(6);
        time.scheduler.runFor(Duration.ofHours(1));

        List<String> times = platform.dataTimes();
        // 02:00 .. 02:45 local+8 = 10:00 .. 10:45 never arrive; 11:00 .. 11:45 come back by resend
        assertThat(times).noneMatch(t -> t.compareTo("20260301100000") >= 0 && t.compareTo("20260301110000") < 0);
        assertThat(times).contains("20260301110000", "20260301114500");
        assertThat(store.unsentCount("p")).isEqualTo(4);
        assertThat(sender.withheld()).isEqualTo(4); // kept for a history request, not counted as still to come
        assertThat(store.size()).isEqualTo(times.size() + 4);
    }

    @Test
    void a_restart_mid_resend_loses_nothing_and_repeats_nothing_acknowledged() {
        setUp(new Sender.Settings(Duration.ofSeconds(10), 3, 1, Duration.ofSeconds(60)));
        platform.down = t -> t.isBefore(T0.plus(Duration.ofHours(6)));
        produce(6);
        time.scheduler.at(T0.plus(Duration.ofHours(6)), sender::linkUp);
        time.scheduler.runFor(Duration.ofMinutes(5).plusSeconds(1)); // 1 a minute: a few resent
        int before = platform.received.size();
        assertThat(before).isBetween(3, 10);
        sender.stop();
        store.close();
        // restart: a new store on the same files, a new sender; production goes on into them
        store = RecordStore.open(dir, Duration.ofDays(30), Set.of("p"));
        sender = new Sender("p", store, platform, time, ZONE, Sender.Settings.defaults());
        platform.sender = sender;
        sender.linkUp();
        time.scheduler.runFor(Duration.ofMinutes(50));
        assertThat(store.unsentCount("p")).isZero();
        assertThat(platform.dataTimes()).hasSize(store.size()).doesNotHaveDuplicates();
    }
}
