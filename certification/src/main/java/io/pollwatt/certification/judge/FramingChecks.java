package io.pollwatt.certification.judge;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.FrameBytes;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Cases on single frames: FRM-01…04, QN-01, FLG-01, PKT-01 (hj212-2017.md §2–§6, §19). */
final class FramingChecks {

    /** Rejection codes another case owns; FRM-01 looks past them. */
    private static final Set<Hj212Error> OWNED = EnumSet.of(
            Hj212Error.LENGTH_MISMATCH,
            Hj212Error.BAD_CRC,
            Hj212Error.BAD_CRC_FORMAT,
            Hj212Error.CRC_LOWERCASE,
            Hj212Error.MISSING_QN,
            Hj212Error.BAD_QN,
            Hj212Error.MISSING_FLAG,
            Hj212Error.BAD_FLAG,
            Hj212Error.BAD_PACKET_FIELDS);

    private FramingChecks() {}

    static void syntax(Conversation conv, Evidence e) {
        List<Conversation.Seen> up = conv.up();
        for (Conversation.Seen f : up) {
            if (f.asSent() instanceof Decoded.Rejected r && !OWNED.contains(r.code())) {
                e.fail(Judge.describe(conv, f) + ": " + r + " in " + abbreviate(f.raw()));
                continue;
            }
            if (f.contentStrict().orElse(null) instanceof Decoded.Rejected r && !OWNED.contains(r.code())) {
                e.fail(Judge.describe(conv, f) + ": " + r);
            }
        }
        e.note(up.size() + " frame(s) from the device decoded strictly");
        if (up.isEmpty()) {
            e.inconclusive("the device sent nothing");
        }
    }

    static void length(Conversation conv, Evidence e) {
        int checked = 0;
        int nonAscii = 0;
        for (Conversation.Seen f : conv.up()) {
            Optional<byte[]> segment = f.segment();
            Optional<Integer> declared = declaredLength(f.raw());
            if (segment.isEmpty() || declared.isEmpty()) {
                continue; // not delimited like a frame: FRM-01's
            }
            checked++;
            byte[] s = segment.get();
            boolean ascii = true;
            for (byte b : s) {
                ascii &= b >= 0;
            }
            if (!ascii) {
                nonAscii++;
            }
            if (declared.get() != s.length) {
                int chars = new String(s, StandardCharsets.UTF_8).length();
                e.fail(Judge.describe(conv, f) + ": length field " + declared.get() + ", segment " + s.length + " bytes"
                        + (declared.get() == chars ? " (the field counts " + chars + " characters)" : ""));
            }
        }
        e.note(checked + " frame(s) checked, " + nonAscii + " with non-ASCII (UTF-8) text");
        if (nonAscii == 0) {
            e.note("no frame carried non-ASCII text, so byte and character counts could not differ"
                    + " (declare CN 3020 to have the tester ask for the device log)");
        }
        if (checked == 0) {
            e.inconclusive("no frame from the device to check");
        }
    }

    static void crc(Conversation conv, Evidence e) {
        int checked = 0;
        for (Conversation.Seen f : conv.up()) {
            Optional<byte[]> segment = f.segment();
            Optional<String> field = crcField(f.raw());
            if (segment.isEmpty() || field.isEmpty() || !field.get().matches("[0-9A-Fa-f]{4}")) {
                continue; // FRM-01 / FRM-04
            }
            checked++;
            String expected = Crc16.toHex(Crc16.compute(segment.get()));
            if (!expected.equalsIgnoreCase(field.get())) {
                e.fail(Judge.describe(conv, f) + ": CRC " + field.get() + ", HJ 212 Appendix A gives " + expected
                        + (modbus(segment.get()).equalsIgnoreCase(field.get())
                                ? " (the device sent CRC-16/MODBUS)"
                                : ""));
            }
        }
        e.note(checked + " CRC(s) recomputed over the segment bytes");
        if (checked == 0) {
            e.inconclusive("no frame from the device to check");
        }
    }

    static void crcCase(Conversation conv, Evidence e) {
        int checked = 0;
        for (Conversation.Seen f : conv.up()) {
            Optional<String> field = crcField(f.raw());
            if (field.isEmpty() || f.segment().isEmpty()) {
                continue;
            }
            checked++;
            if (!field.get().matches("[0-9A-F]{4}")) {
                e.fail(Judge.describe(conv, f) + ": CRC field '" + field.get() + "', expected 4 upper-case hex digits");
            }
        }
        e.note(checked + " CRC field(s) checked");
        if (checked == 0) {
            e.inconclusive("no frame from the device to check");
        }
    }

    static void qnFormat(Conversation conv, Evidence e) {
        int checked = 0;
        for (Conversation.Seen f : conv.up()) {
            if (f.contentStrict().isEmpty()) {
                continue;
            }
            checked++;
            if (f.contentStrict().get() instanceof Decoded.Rejected r
                    && (r.code() == Hj212Error.MISSING_QN || r.code() == Hj212Error.BAD_QN)) {
                e.fail(Judge.describe(conv, f) + ": " + r);
            }
        }
        e.note(checked + " QN(s) checked");
        if (checked == 0) {
            e.inconclusive("no frame from the device to check");
        }
    }

    static void flag(Conversation conv, Evidence e) {
        int checked = 0;
        Set<Integer> retrieved = FlowChecks.retrievalRecords(conv);
        for (Conversation.Seen f : conv.up()) {
            if (f.message().isEmpty()) {
                continue;
            }
            checked++;
            Hj212Message m = f.message().get();
            Flag flag = m.header().flag();
            if (flag == null) {
                e.fail(Judge.describe(conv, f) + ": no Flag");
                continue;
            }
            if (flag.version() != Flag.VERSION_2017) {
                e.fail(Judge.describe(conv, f) + ": Flag=" + flag + " has version bits " + flag.version()
                        + ", expected 1 (HJ 212-2017)");
            }
            if (flag.split() != (m.header().packet() != null)) {
                e.fail(Judge.describe(conv, f) + ": Flag=" + flag + " bit D "
                        + (flag.split() ? "set without" : "clear with") + " PNUM/PNO");
            }
            if (m instanceof Reply && flag.answerWanted()) {
                e.fail(Judge.describe(conv, f) + ": an answer with Flag=" + flag + " asks for an answer itself");
            }
            if (m instanceof DataUpload
                    && Conversation.UPLOAD_CNS.contains(m.cn().value())
                    && !retrieved.contains(f.index())
                    && !flag.answerWanted()) {
                e.fail(Judge.describe(conv, f) + ": a live upload with Flag=" + flag
                        + " asks for no answer, so it cannot be stored and resent (rulebook D1)");
            }
        }
        e.note(checked + " Flag(s) checked");
        if (checked == 0) {
            e.inconclusive("no frame from the device to check");
        }
    }

    static void packets(Conversation conv, Evidence e) {
        Map<String, Set<Integer>> groups = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, Integer> packetOfQn = new HashMap<>();
        for (Conversation.Seen f : conv.up()) {
            if (f.message().isEmpty()) {
                // PNUM/PNO no decoding accepts (PNO 0 or above PNUM, one without the other) leave no content to
                // group; FRM-01 leaves them to this case, so name the frame here
                if (f.contentStrict().orElse(null) instanceof Decoded.Rejected r
                        && r.code() == Hj212Error.BAD_PACKET_FIELDS) {
                    e.fail(Judge.describe(conv, f) + ": " + r);
                }
                continue;
            }
            Hj212Message m = f.message().get();
            Packet p = m.header().packet();
            if (p == null) {
                continue;
            }
            String key = m.cn() + " " + m.cp().get("DataTime").orElse("?") + " of " + p.total();
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(p.number());
            totals.put(key, p.total());
            // a retry repeats its packet's QN; another packet of the same message needs a QN of its own (§12)
            String qn = f.qn().orElse("");
            Integer before = packetOfQn.putIfAbsent(key + " " + qn, p.number());
            if (before != null && before != p.number()) {
                e.fail(Judge.describe(conv, f) + ": split message " + key + ": packets " + before + " and " + p.number()
                        + " share QN " + qn);
            }
        }
        groups.forEach((key, numbers) -> {
            if (numbers.size() != totals.get(key)) {
                e.fail("split message " + key + ": packets " + numbers + " received");
            }
        });
        e.note(groups.size() + " split message(s) seen");
        if (groups.isEmpty()) {
            e.inconclusive("the device declares split messages but sent none");
        }
    }

    static Optional<Integer> declaredLength(FrameBytes raw) {
        if (raw.length() < 6) {
            return Optional.empty();
        }
        int n = 0;
        for (int i = 2; i < 6; i++) {
            int c = raw.byteAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            n = n * 10 + (c - '0');
        }
        return Optional.of(n);
    }

    static Optional<String> crcField(FrameBytes raw) {
        int n = raw.length();
        if (n < 12) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = n - 6; i < n - 2; i++) {
            sb.append((char) raw.byteAt(i));
        }
        return Optional.of(sb.toString());
    }

    /** CRC-16/MODBUS, only to name the mistake when a device sends it (hj212-2017.md §4.2). */
    private static String modbus(byte[] data) {
        int reg = 0xFFFF;
        for (byte b : data) {
            reg ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return Crc16.toHex(reg);
    }

    private static String abbreviate(FrameBytes raw) {
        String s = raw.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
