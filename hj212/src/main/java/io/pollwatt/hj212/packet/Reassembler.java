package io.pollwatt.hj212.packet;

import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts split messages back together (hj212-2017.md §12). Packets of one message share MN, CN, {@code DataTime} and
 * PNUM; the message is complete when PNO 1..PNUM have all arrived, in any order. The context items (those without a
 * factor pair, such as {@code DataTime}) are taken once from the first packet; the factor items follow in PNO
 * order. A factor repeated across packets is an error. The same packet twice (a resend) is ignored when identical.
 *
 * <p>At most {@code maxPending} incomplete messages are held; past that the oldest is dropped and reported by
 * {@link #takeEvicted()}, so a device that never finishes its packets cannot exhaust memory. Not thread-safe: one
 * per connection or per device.
 */
public final class Reassembler {

    /** What an offered frame led to. */
    public sealed interface Outcome permits Whole, Waiting, Failed {}

    /**
     * A complete message: the frame was not split, or it was the last missing packet.
     *
     * @param message the whole message, without PNUM/PNO and with Flag bit D cleared
     */
    public record Whole(Hj212Message message) implements Outcome {}

    /**
     * The packet was stored; more are needed.
     *
     * @param received packets held for this message
     * @param total PNUM
     */
    public record Waiting(int received, int total) implements Outcome {}

    /**
     * The packet conflicts with what was already received; the partial message is dropped.
     *
     * @param reason what conflicts
     */
    public record Failed(String reason) implements Outcome {}

    /**
     * An incomplete message dropped to respect the bound.
     *
     * @param mn the device
     * @param cn the command code
     * @param dataTime the {@code DataTime} text ("" when none)
     * @param received the packet numbers that had arrived
     * @param total PNUM
     */
    public record Evicted(String mn, String cn, String dataTime, List<Integer> received, int total) {
        public Evicted {
            received = List.copyOf(received);
        }
    }

    private record Key(String mn, String cn, String dataTime, int total) {}

    private final int maxPending;
    private final Map<Key, Map<Integer, Hj212Message>> pending = new LinkedHashMap<>();
    private final List<Evicted> evicted = new ArrayList<>();

    /** A reassembler holding at most {@code maxPending} incomplete messages. */
    public Reassembler(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** Offers one decoded frame. */
    public Outcome offer(Hj212Message frame) {
        Objects.requireNonNull(frame, "frame");
        Packet packet = frame.header().packet();
        if (packet == null) {
            return new Whole(frame);
        }
        Key key = new Key(
                frame.mn(), frame.cn().text(), frame.cp().get("DataTime").orElse(""), packet.total());
        Map<Integer, Hj212Message> parts = pending.get(key);
        if (parts == null) {
            parts = new LinkedHashMap<>();
            pending.put(key, parts);
            while (pending.size() > maxPending) {
                Iterator<Map.Entry<Key, Map<Integer, Hj212Message>>> oldest =
                        pending.entrySet().iterator();
                Map.Entry<Key, Map<Integer, Hj212Message>> e = oldest.next();
                Key k = e.getKey();
                evicted.add(new Evicted(
                        k.mn(), k.cn(), k.dataTime(), List.copyOf(e.getValue().keySet()), k.total()));
                oldest.remove();
            }
        }
        Hj212Message earlier = parts.get(packet.number());
        if (earlier != null) {
            if (earlier.cp().equals(frame.cp())) {
                return new Waiting(parts.size(), packet.total());
            }
            pending.remove(key);
            return new Failed(
                    "packet " + packet.number() + " of " + packet.total() + " arrived twice with different data");
        }
        parts.put(packet.number(), frame);
        if (parts.size() < packet.total()) {
            return new Waiting(parts.size(), packet.total());
        }
        pending.remove(key);
        return merge(parts, packet.total());
    }

    /** The incomplete messages dropped since the last call, oldest first. */
    public List<Evicted> takeEvicted() {
        List<Evicted> out = List.copyOf(evicted);
        evicted.clear();
        return out;
    }

    /** How many incomplete messages are held. */
    public int pendingMessages() {
        return pending.size();
    }

    private static Outcome merge(Map<Integer, Hj212Message> parts, int total) {
        Hj212Message first = parts.get(1);
        List<CpItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CpItem item : first.cp().items()) {
            if (!Packetizer.isFactorItem(item)) {
                items.add(item);
                item.pairs().forEach(p -> names.add(p.name()));
            }
        }
        for (int no = 1; no <= total; no++) {
            for (CpItem item : parts.get(no).cp().items()) {
                if (!Packetizer.isFactorItem(item)) {
                    continue;
                }
                for (CpPair pair : item.pairs()) {
                    if (!names.add(pair.name())) {
                        return new Failed("factor field " + pair.name() + " occurs in more than one packet");
                    }
                }
                items.add(item);
            }
        }
        Header h = first.header().withPacket(null);
        if (h.flag() != null) {
            h = h.withFlag(h.flag().withSplit(false));
        }
        return new Whole(Hj212Message.of(h, new Cp(items)));
    }
}
