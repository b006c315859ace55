package io.pollwatt.hj212.packet;

import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import io.pollwatt.hj212.message.Qn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a message that does not fit one data segment into packets (hj212-2017.md §12, HJ 212-2017 C.49/C.50).
 *
 * <p>pollwatt's rule: split between items, never inside one; every packet repeats the context items (those with
 * no factor pair, such as {@code DataTime} and {@code PolId}); each packet is a complete frame with Flag bit D set,
 * {@code PNUM} and {@code PNO}, and its own QN, strictly increasing by one millisecond from the original QN.
 */
public final class Packetizer {

    /** HJ 212-2017's data-segment limit. */
    public static final int MAX_SEGMENT_BYTES = 1024;

    /** HJ 212-2017's CP limit, {@code CP=&&} and {@code &&} included, in characters. */
    public static final int MAX_CP_CHARS = 950;

    private Packetizer() {}

    /** Splits for HJ 212-2017's 1024-byte segments. */
    public static List<Hj212Message> split(Hj212Message message) {
        return split(message, MAX_SEGMENT_BYTES);
    }

    /**
     * The message itself when it fits {@code maxSegmentBytes}, otherwise its packets in order.
     *
     * @throws IllegalArgumentException when the message has no QN or Flag, when one item is too large for any
     *     packet, or when more than 9999 packets would be needed
     */
    public static List<Hj212Message> split(Hj212Message message, int maxSegmentBytes) {
        Objects.requireNonNull(message, "message");
        if (fits(message, maxSegmentBytes)) {
            return List.of(message);
        }
        Header header = message.header();
        if (header.qn() == null || header.flag() == null) {
            throw new IllegalArgumentException("a split message needs QN and Flag (MN " + header.mn() + ")");
        }
        List<CpItem> context = new ArrayList<>();
        List<CpItem> factors = new ArrayList<>();
        for (CpItem item : message.cp().items()) {
            (isFactorItem(item) ? factors : context).add(item);
        }
        // Worst-case header: four-digit PNUM and PNO and the D bit set.
        Header probe = header.withFlag(header.flag().withSplit(true)).withPacket(Packet.of(9999, 9999));
        // each packet takes the most factor items that still fit, in order; a packet only grows with another item, so
        // that count is found by doubling, then bisection (encoding the packet once per item made splitting quadratic)
        List<List<CpItem>> packets = new ArrayList<>();
        int next = 0;
        while (next < factors.size()) {
            int left = factors.size() - next;
            int lo = 0; // fits with this many
            int hi = Math.min(1, left); // the most it could take
            while (hi < left
                    && fits(Hj212Message.of(probe, new Cp(packet(context, factors, next, hi))), maxSegmentBytes)) {
                lo = hi;
                hi = Math.min(2 * hi, left);
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (fits(Hj212Message.of(probe, new Cp(packet(context, factors, next, mid))), maxSegmentBytes)) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            if (lo == 0) {
                throw new IllegalArgumentException(
                        "item " + factors.get(next).pairs().get(0).name() + " does not fit a " + maxSegmentBytes
                                + "-byte data segment even alone");
            }
            packets.add(packet(context, factors, next, lo));
            next += lo;
        }
        if (packets.isEmpty()) {
            packets.add(new ArrayList<>(context));
        }
        if (packets.size() > 9999) {
            throw new IllegalArgumentException("message needs " + packets.size() + " packets, PNUM allows 9999");
        }
        List<Hj212Message> out = new ArrayList<>(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            Qn qn = Qn.of(header.qn().time().plusNanos(i * 1_000_000L));
            Header h = header.withQn(qn)
                    .withFlag(header.flag().withSplit(true))
                    .withPacket(Packet.of(packets.size(), i + 1));
            out.add(Hj212Message.of(h, new Cp(packets.get(i))));
        }
        return out;
    }

    private static List<CpItem> packet(List<CpItem> context, List<CpItem> factors, int from, int count) {
        List<CpItem> items = new ArrayList<>(context.size() + count);
        items.addAll(context);
        items.addAll(factors.subList(from, from + count));
        return items;
    }

    /** Whether the message's canonical segment fits {@code maxSegmentBytes} and its CP the 950-character limit. */
    static boolean fits(Hj212Message message, int maxSegmentBytes) {
        String cp = message.cp().toString();
        if (cp.codePointCount(0, cp.length()) + 7 > MAX_CP_CHARS) {
            return false;
        }
        try {
            return Hj212Codec.encodeCanonical(message).length - FrameWriter.OVERHEAD <= maxSegmentBytes;
        } catch (IllegalArgumentException tooLongForTheLengthField) {
            return false;
        }
    }

    /** An item with at least one factor pair ({@code code-Suffix}) is split material; others are context. */
    static boolean isFactorItem(CpItem item) {
        for (CpPair pair : item.pairs()) {
            if (pair.name().indexOf('-') > 0) {
                return true;
            }
        }
        return false;
    }
}
