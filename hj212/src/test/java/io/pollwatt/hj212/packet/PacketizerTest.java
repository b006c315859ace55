package io.pollwatt.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketizerTest {

    private static final LocalDateTime T = LocalDateTime.of(2024, 3, 1, 8, 15);

    @Test
    void a_message_that_fits_is_not_split() {
        Hj212Message small = Messages.electricity2011(3, T);
        assertThat(Packetizer.split(small)).containsExactly(small);
    }

    @Test
    void a_large_upload_splits_into_strict_packets_that_reassemble_in_any_order() {
        Hj212Message big = Messages.electricity2011(30, T); // 120 values: about 3.5 KB of CP
        List<Hj212Message> packets = Packetizer.split(big);
        assertThat(packets).hasSizeGreaterThan(3);
        for (int i = 0; i < packets.size(); i++) {
            Hj212Message p = packets.get(i);
            byte[] frame = Hj212Codec.encode(p, Direction.UP); // strict, or it throws
            assertThat(frame.length - 12).isLessThanOrEqualTo(1024);
            assertThat(p.header().packet().number()).isEqualTo(i + 1);
            assertThat(p.header().packet().total()).isEqualTo(packets.size());
            assertThat(p.header().flag().split()).isTrue();
            assertThat(p.cp().get("DataTime")).isEqualTo(big.cp().get("DataTime"));
            if (i > 0) {
                assertThat(p.header().qn().text())
                        .isGreaterThan(packets.get(i - 1).header().qn().text());
            }
        }
        List<Hj212Message> shuffled = new ArrayList<>(packets);
        Collections.shuffle(shuffled, new Random(7));
        Reassembler reassembler = new Reassembler(8);
        Reassembler.Outcome last = null;
        for (Hj212Message p : shuffled) {
            Decoded.Ok ok = (Decoded.Ok) Hj212Codec.strict().decode(Hj212Codec.encode(p), Direction.UP);
            last = reassembler.offer(ok.message());
        }
        assertThat(last).isInstanceOf(Reassembler.Whole.class);
        assertThat(((Reassembler.Whole) last).message()).isEqualTo(big);
        assertThat(reassembler.pendingMessages()).isZero();
    }

    @Test
    void the_same_packet_twice_is_a_harmless_resend() {
        List<Hj212Message> packets = Packetizer.split(Messages.electricity2011(30, T));
        Reassembler r = new Reassembler(8);
        assertThat(r.offer(packets.get(0))).isEqualTo(new Reassembler.Waiting(1, packets.size()));
        assertThat(r.offer(packets.get(0))).isEqualTo(new Reassembler.Waiting(1, packets.size()));
    }

    @Test
    void a_factor_in_two_packets_fails_the_message() {
        List<Hj212Message> packets = Packetizer.split(Messages.electricity2011(30, T));
        List<Hj212Message> forged = new ArrayList<>(packets);
        Hj212Message second = packets.get(1);
        Hj212Message first = packets.get(0);
        forged.set(1, Hj212Message.of(second.header(), first.cp())); // packet 2 repeats packet 1's factors
        Reassembler r = new Reassembler(8);
        Reassembler.Outcome outcome = null;
        for (Hj212Message p : forged) {
            outcome = r.offer(p);
        }
        assertThat(outcome).isInstanceOf(Reassembler.Failed.class);
        assertThat(((Reassembler.Failed) outcome).reason()).contains("more than one packet");
    }

    @Test
    void incomplete_messages_beyond_the_bound_are_evicted_and_reported() {
        Reassembler r = new Reassembler(2);
        for (int minute = 0; minute < 5; minute++) {
            List<Hj212Message> packets = Packetizer.split(Messages.electricity2011(30, T.plusMinutes(15 * minute)));
            r.offer(packets.get(0));
        }
        assertThat(r.pendingMessages()).isEqualTo(2);
        List<Reassembler.Evicted> evicted = r.takeEvicted();
        assertThat(evicted).hasSize(3);
        assertThat(evicted.get(0).dataTime()).isEqualTo("20240301081500");
        assertThat(evicted.get(0).received()).containsExactly(1);
        assertThat(r.takeEvicted()).isEmpty();
    }

    @Test
    void every_packet_takes_the_most_items_that_fit_in_order_as_a_plain_greedy_split_would() {
        for (int meters = 1; meters <= 40; meters += 3) {
            Hj212Message big = Messages.electricity2011(meters, T);
            for (int max : new int[] {300, 450, 700, 1024}) {
                List<Hj212Message> packets;
                try {
                    packets = Packetizer.split(big, max);
                } catch (IllegalArgumentException tooSmall) {
                    continue;
                }
                assertThat(packets.stream().map(p -> p.cp().items()).toList())
                        .as("%d meters, %d bytes", meters, max)
                        .isEqualTo(greedy(big, max));
            }
        }
    }

    /** The rule as stated: add factor items one by one, start a new packet when the next no longer fits. */
    private static List<List<CpItem>> greedy(Hj212Message m, int max) {
        if (Packetizer.fits(m, max)) {
            return List.of(m.cp().items());
        }
        Header probe = m.header().withFlag(m.header().flag().withSplit(true)).withPacket(Packet.of(9999, 9999));
        List<CpItem> context =
                m.cp().items().stream().filter(i -> !Packetizer.isFactorItem(i)).toList();
        List<List<CpItem>> out = new ArrayList<>();
        List<CpItem> current = new ArrayList<>(context);
        for (CpItem item : m.cp().items()) {
            if (!Packetizer.isFactorItem(item)) {
                continue;
            }
            current.add(item);
            if (!Packetizer.fits(Hj212Message.of(probe, new Cp(current)), max)) {
                current.remove(current.size() - 1);
                out.add(current);
                current = new ArrayList<>(context);
                current.add(item);
            }
        }
        out.add(current);
        return out;
    }
}
