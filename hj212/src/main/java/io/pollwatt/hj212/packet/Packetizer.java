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
        List<List<CpItem>> packets = new ArrayList<>();
        List<CpItem> current = new ArrayList<>(context);
        int currentFactors = 0;
        for (CpItem item : factors) {
            current.add(item);
            if (!fits(Hj212Message.of(probe, new Cp(current)), maxSegmentBytes)) {
                current.remove(current.size() - 1);
                if (currentFactors == 0) {
                    throw new IllegalArgumentException(
                            "item " + item.pairs().get(0).name() + " does not fit a " + maxSegmentBytes
                                    + "-byte data segment even alone");
                }
                packets.add(current);
                current = new ArrayList<>(context);
                current.add(item);
                currentFactors = 0;
            }
            currentFactors++;
        }
        packets.add(current);
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
