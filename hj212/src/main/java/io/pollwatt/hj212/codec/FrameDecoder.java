package io.pollwatt.hj212.codec;

import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.internal.Syntax;
import io.pollwatt.hj212.message.CommandCode;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.HeaderField;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.SystemCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Judges one alleged frame with the checks of hj212-2017.md §19, in that order, on the bytes: offsets are byte
 * offsets from the first {@code #}. One instance per call; not thread-safe, not reused.
 *
 * <p>Each check either rejects, or, where lenient mode tolerates the deviation, records a {@link Warning} with the
 * code strict mode would have used; so "lenient = strict minus the documented deviations" holds by construction.
 */
final class FrameDecoder {

    /** HJ 212-2017 data-segment limit (§2). */
    static final int MAX_SEGMENT_STRICT = 1024;

    private static final String[] HEADER_ORDER = {"QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO"};
    private static final int QN = 0, ST = 1, CN = 2, PW = 3, MN = 4, FLAG = 5, PNUM = 6, PNO = 7;
    private static final String[] MISSING_NAMES = {"QN", "ST", "CN", "PW", "MN", "Flag"};
    private static final Hj212Error[] MISSING_CODES = {
        Hj212Error.MISSING_QN,
        Hj212Error.MISSING_ST,
        Hj212Error.MISSING_CN,
        Hj212Error.MISSING_PW,
        Hj212Error.MISSING_MN,
        Hj212Error.MISSING_FLAG
    };
    private static final Set<String> TIME_KEYS =
            Set.of("DataTime", "BeginTime", "EndTime", "SystemTime", "RestartTime");
    private static final Set<String> NUMERIC_SUFFIXES = Set.of(
            "Rtd",
            "Min",
            "Avg",
            "Max",
            "Cou",
            "ZsRtd",
            "ZsMin",
            "ZsAvg",
            "ZsMax",
            "RT",
            "Data",
            "DayData",
            "NightData");
    private static final Set<Integer> UP_NEEDS_DATATIME = Set.of(2011, 2021, 2031, 2041, 2051, 2061, 2081);
    private static final Set<Integer> DOWN_NEEDS_RANGE = Set.of(2031, 2041, 2051, 2061);

    /** Thrown inside this class only, caught in {@link #decode()}; carries no stack trace. */
    private static final class Reject extends RuntimeException {
        final Decoded.Rejected rejected;

        Reject(Decoded.Rejected rejected) {
            super(null, null, false, false);
            this.rejected = rejected;
        }
    }

    private final byte[] b;
    private final int base;
    private final int n;
    private final Direction direction;
    private final boolean lenient;
    private final boolean[] extensionCns;
    private List<Warning> warnings;
    private boolean nonAscii;
    /** Where the first interval value (-Cou, -Avg, …) of the data area is, and its name; -1 for none. */
    private int intervalAt = -1;

    private String intervalName;
    /** Hash of the name {@link #checkName} last checked, reused for the duplicate check. */
    private int nameHash;

    FrameDecoder(byte[] bytes, int offset, int length, Mode mode, Direction direction, boolean[] extensionCns) {
        this.b = bytes;
        this.base = offset;
        this.n = length;
        this.lenient = mode == Mode.LENIENT;
        this.direction = direction;
        this.extensionCns = extensionCns;
    }

    Decoded decode() {
        try {
            Hj212Message message = run();
            return new Decoded.Ok(message, warnings == null ? List.of() : warnings);
        } catch (Reject r) {
            return r.rejected;
        }
    }

    private Hj212Message run() {
        // 1. header, length field, size
        if (n < 2 || at(0) != '#' || at(1) != '#') {
            throw reject(Hj212Error.MISSING_HEADER, 0, "header", "expected '##', got " + show(0, Math.min(n, 2)));
        }
        if (n < 6 && digitsFrom(2, n) == n) {
            throw reject(Hj212Error.TRUNCATED, n, "length", "length field has " + (n - 2) + " of 4 digits");
        }
        int firstNonDigit = digitsFrom(2, Math.min(n, 6));
        if (firstNonDigit < 6) {
            throw reject(
                    Hj212Error.BAD_LENGTH_FIELD,
                    firstNonDigit,
                    "length",
                    "expected 4 decimal digits, got " + show(2, Math.min(n, 6)));
        }
        int declared = (at(2) - '0') * 1000 + (at(3) - '0') * 100 + (at(4) - '0') * 10 + (at(5) - '0');
        if (declared > MAX_SEGMENT_STRICT) {
            deviation(
                    Hj212Error.OVERSIZED,
                    2,
                    "length",
                    "data segment of " + declared + " bytes, HJ 212-2017 allows at most " + MAX_SEGMENT_STRICT);
        }

        // 2. trailer, truncation, declared length
        int trailer;
        if (n >= 2 && at(n - 2) == '\r' && at(n - 1) == '\n') {
            trailer = 2;
        } else if (lenient && n >= 1 && at(n - 1) == '\n') {
            trailer = 1;
        } else {
            trailer = 0;
        }
        if (trailer == 0) {
            int end = 6 + declared + 4;
            if (n < end) {
                throw reject(Hj212Error.TRUNCATED, n, "frame", n + " bytes, the declared length needs " + (end + 2));
            }
            if (n == end) {
                throw reject(
                        Hj212Error.MISSING_TRAILER, n, "trailer", "expected CR LF after the CRC, got end of frame");
            }
            throw reject(
                    Hj212Error.BAD_TRAILER, end, "trailer", "expected CR LF, got " + show(end, Math.min(n, end + 8)));
        }
        int actual = n - 10 - trailer;
        if (actual < 0) {
            throw reject(Hj212Error.TRUNCATED, n, "frame", n + " bytes, too short for a frame");
        }
        if (trailer == 1) {
            warn(Hj212Error.BAD_TRAILER, n - 1, "trailer", "LF without CR");
        }
        if (actual != declared) {
            int chars = lenient ? utf8CodePoints(6, 6 + actual) : -1;
            if (chars == declared) {
                warn(
                        Hj212Error.LENGTH_MISMATCH,
                        2,
                        "length",
                        "declared " + declared + " counts characters; the data segment has " + actual + " bytes");
                if (actual > MAX_SEGMENT_STRICT && declared <= MAX_SEGMENT_STRICT) {
                    warn(
                            Hj212Error.OVERSIZED,
                            2,
                            "length",
                            "data segment of " + actual + " bytes, HJ 212-2017 allows at most " + MAX_SEGMENT_STRICT);
                }
            } else {
                throw reject(
                        Hj212Error.LENGTH_MISMATCH,
                        2,
                        "length",
                        "declared " + declared + ", data segment has " + actual + " bytes");
            }
        }
        int seg = 6;
        int segEnd = 6 + actual;

        // 3. CRC
        int crcAt = segEnd;
        int sent = 0;
        boolean lower = false;
        for (int i = crcAt; i < crcAt + 4; i++) {
            int c = at(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'F') {
                v = c - 'A' + 10;
            } else if (c >= 'a' && c <= 'f') {
                v = c - 'a' + 10;
                lower = true;
            } else {
                throw reject(
                        Hj212Error.BAD_CRC_FORMAT, i, "CRC", "expected 4 hex digits, got " + show(crcAt, crcAt + 4));
            }
            sent = (sent << 4) | v;
        }
        // one pass: the CRC, and whether the segment has non-ASCII bytes or control characters (checked in §19 order
        // just below)
        int computed = 0xFFFF;
        int control = -1;
        for (int i = base + seg, stop = base + segEnd; i < stop; i++) {
            int c = b[i] & 0xFF;
            computed = Crc16.update(computed, c);
            if (c >= 0x80) {
                nonAscii = true;
            } else if ((c < 0x20 || c == 0x7F) && control < 0) {
                control = i - base;
            }
        }
        if (sent != computed) {
            throw reject(
                    Hj212Error.BAD_CRC,
                    crcAt,
                    "CRC",
                    "expected " + Crc16.toHex(computed) + ", got " + show(crcAt, crcAt + 4));
        }
        if (lower) {
            deviation(Hj212Error.CRC_LOWERCASE, crcAt, "CRC", "lower-case hex " + show(crcAt, crcAt + 4));
        }

        // 4. character set: valid UTF-8, no control characters
        if (nonAscii) {
            int bad = firstInvalidUtf8(seg, segEnd);
            if (bad >= 0) {
                throw reject(Hj212Error.NON_ASCII, bad, "segment", "the data segment is not valid UTF-8");
            }
        }
        if (control >= 0) {
            throw reject(
                    Hj212Error.NON_ASCII,
                    control,
                    "segment",
                    "control character 0x%02X in the data segment".formatted(at(control)));
        }

        // 5. structure: header items ; CP=&&…&& (non-ASCII text outside log values first: §19 step 6)
        int cp = indexOf(seg, segEnd, "CP=&&");
        if (nonAscii) {
            int outside = nonAsciiOutsideLogText(seg, segEnd, cp < 0 ? segEnd : cp + 5);
            if (outside >= 0) {
                throw reject(
                        Hj212Error.NON_ASCII,
                        outside,
                        "segment",
                        "non-ASCII text outside a //log// value (the value of an -Info name, starting with //)");
            }
        }
        if (cp < 0) {
            throw reject(Hj212Error.MISSING_CP, seg, "CP", "no 'CP=&&' in the data segment");
        }
        if (segEnd - cp < 7 || at(segEnd - 1) != '&' || at(segEnd - 2) != '&') {
            throw reject(Hj212Error.CP_NOT_TERMINATED, segEnd, "CP", "the data segment must end with the '&&' of CP");
        }
        if (cp > seg && at(cp - 1) != ';') {
            throw reject(Hj212Error.BAD_SYNTAX, cp, "header", "expected ';' before CP, got " + show(cp - 1, cp));
        }

        String[] fields = new String[HEADER_ORDER.length];
        int[] fieldAt = new int[HEADER_ORDER.length];
        int[] order = new int[HEADER_ORDER.length];
        int known = 0;
        List<HeaderField> unknown = List.of();
        if (cp > seg) {
            int itemStart = seg;
            int headEnd = cp - 1;
            while (true) {
                int itemEnd = indexOf(itemStart, headEnd, ';');
                if (itemEnd < 0) {
                    itemEnd = headEnd;
                }
                int eq = indexOf(itemStart, itemEnd, '=');
                if (eq < 0) {
                    throw reject(
                            Hj212Error.BAD_SYNTAX,
                            itemStart,
                            "header",
                            "header item without '=': " + show(itemStart, itemEnd));
                }
                int slot = headerSlot(itemStart, eq);
                String name = slot >= 0 ? HEADER_ORDER[slot] : text(itemStart, eq);
                String value = text(eq + 1, itemEnd);
                if ((slot >= 0 && fields[slot] != null) || containsName(unknown, name)) {
                    throw reject(Hj212Error.DUPLICATE_KEY, itemStart, name, "header field " + name + " occurs twice");
                }
                if (slot < 0) {
                    deviation(
                            Hj212Error.UNKNOWN_FIELD,
                            itemStart,
                            name,
                            "HJ 212-2017 defines no header field '" + name + "' (names are case-sensitive)");
                    if (unknown.isEmpty()) {
                        unknown = new ArrayList<>();
                    }
                    unknown.add(new HeaderField(name, value));
                } else {
                    fields[slot] = value;
                    fieldAt[slot] = eq + 1;
                    order[known++] = slot;
                }
                if (itemEnd == headEnd) {
                    break;
                }
                itemStart = itemEnd + 1;
            }
        }

        // 6. header field presence and format
        for (int slot = 0; slot < MISSING_NAMES.length; slot++) {
            if (fields[slot] == null) {
                String what = "no " + MISSING_NAMES[slot] + " field in the header";
                if (slot == ST || slot == CN || slot == MN) {
                    throw reject(MISSING_CODES[slot], seg, MISSING_NAMES[slot], what);
                }
                deviation(MISSING_CODES[slot], seg, MISSING_NAMES[slot], what);
            }
        }
        for (int i = 1; i < known; i++) {
            if (order[i] < order[i - 1]) {
                deviation(
                        Hj212Error.FIELD_ORDER,
                        fieldAt[order[i]],
                        HEADER_ORDER[order[i]],
                        "expected the order QN ST CN PW MN Flag [PNUM PNO], got " + orderText(order, known));
                break;
            }
        }
        Qn qn = null;
        if (fields[QN] != null) {
            String v = fields[QN];
            if (!Syntax.isDigits(v, 17, 17) || !Syntax.isTime(v, 0)) {
                throw reject(
                        Hj212Error.BAD_QN, fieldAt[QN], "QN", "expected 17 digits YYYYMMDDhhmmsszzz, got '" + v + "'");
            }
            qn = new Qn(v);
        }
        String st = fields[ST];
        if (!Syntax.isStrictSt(st)) {
            if (!Syntax.isLenientSt(st)) {
                throw reject(Hj212Error.BAD_ST, fieldAt[ST], "ST", "expected 2 of 0-9 A-Z, got '" + st + "'");
            }
            deviation(Hj212Error.BAD_ST, fieldAt[ST], "ST", "expected 2 of 0-9 A-Z, got '" + st + "'");
        }
        String cnText = fields[CN];
        if (!Syntax.isDigits(cnText, 4, 4)) {
            throw reject(Hj212Error.BAD_CN, fieldAt[CN], "CN", "expected 4 digits, got '" + cnText + "'");
        }
        int cn = Integer.parseInt(cnText);
        if (!io.pollwatt.hj212.message.Cn.isStandard(cn)) {
            String what = "CN " + cnText + " is not in HJ 212-2017 Table 9";
            if (!lenient || !extensionCns[cn]) {
                throw reject(Hj212Error.UNKNOWN_CN, fieldAt[CN], "CN", what);
            }
            warn(Hj212Error.UNKNOWN_CN, fieldAt[CN], "CN", what + " (accepted as a configured extension)");
        }
        String pw = fields[PW];
        if (pw != null && !Syntax.isStrictPw(pw)) {
            deviation(Hj212Error.BAD_PW, fieldAt[PW], "PW", "expected 1-6 of 0-9 a-z A-Z, got '" + pw + "'");
        }
        String mn = fields[MN];
        if (mn.isEmpty()) {
            throw reject(Hj212Error.MISSING_MN, fieldAt[MN], "MN", "MN is empty");
        }
        if (!Syntax.isStrictMn(mn)) {
            if (!Syntax.isLenientMn(mn)) {
                throw reject(
                        Hj212Error.BAD_MN, fieldAt[MN], "MN", "expected 24 upper-case hex digits, got '" + mn + "'");
            }
            deviation(Hj212Error.BAD_MN, fieldAt[MN], "MN", "expected 24 upper-case hex digits, got '" + mn + "'");
        }
        Flag flag = null;
        if (fields[FLAG] != null) {
            String v = fields[FLAG];
            if (!Syntax.isDigits(v, 1, 3) || Integer.parseInt(v) > 255) {
                throw reject(Hj212Error.BAD_FLAG, fieldAt[FLAG], "Flag", "expected an integer 0..255, got '" + v + "'");
            }
            flag = new Flag(v);
            if (flag.version() != Flag.VERSION_2017) {
                deviation(
                        Hj212Error.BAD_FLAG,
                        fieldAt[FLAG],
                        "Flag",
                        "version bits " + flag.version() + ", HJ 212-2017 needs 1 (Flag=" + v + ")");
            }
        }
        boolean dBit = flag != null && flag.split();
        for (int slot = PNUM; slot <= PNO; slot++) {
            if (fields[slot] != null && !Syntax.isDigits(fields[slot], 1, 4)) {
                throw reject(
                        Hj212Error.BAD_PACKET_FIELDS,
                        fieldAt[slot],
                        HEADER_ORDER[slot],
                        "expected 1-4 digits, got '" + fields[slot] + "'");
            }
        }
        if ((fields[PNUM] == null) != (fields[PNO] == null)) {
            int slot = fields[PNUM] == null ? PNO : PNUM;
            throw reject(
                    Hj212Error.BAD_PACKET_FIELDS, fieldAt[slot], HEADER_ORDER[slot], "PNUM and PNO must come together");
        }
        Packet packet = null;
        if (fields[PNUM] != null) {
            int pnum = Integer.parseInt(fields[PNUM]);
            int pno = Integer.parseInt(fields[PNO]);
            if (pno < 1 || pno > pnum) {
                throw reject(
                        Hj212Error.BAD_PACKET_FIELDS,
                        fieldAt[PNO],
                        "PNO",
                        "expected 1 <= PNO <= PNUM, got PNO=" + pno + " PNUM=" + pnum);
            }
            packet = new Packet(fields[PNUM], fields[PNO]);
        }
        if (dBit != (packet != null)) {
            deviation(
                    Hj212Error.BAD_PACKET_FIELDS,
                    fieldAt[FLAG] > 0 ? fieldAt[FLAG] : seg,
                    dBit ? "Flag" : "PNUM",
                    dBit
                            ? "Flag bit D is set but PNUM/PNO are absent"
                            : "PNUM/PNO are present but Flag bit D is not set");
        }

        // 7. CP data area
        int contentStart = cp + 5;
        int contentEnd = segEnd - 2;
        int cpChars = (nonAscii ? utf8CodePoints(contentStart, contentEnd) : contentEnd - contentStart) + 7;
        if (cpChars > 950) {
            deviation(Hj212Error.CP_TOO_LONG, cp, "CP", "CP takes " + cpChars + " characters, at most 950");
        }
        Cp cpValue = parseCp(contentStart, contentEnd);

        if (cn == 9011 && !cpValue.has("QnRtn")) {
            throw reject(Hj212Error.MISSING_FIELD, contentStart, "QnRtn", "a 9011 request answer needs QnRtn");
        }
        if (cn == 9012 && !cpValue.has("ExeRtn")) {
            throw reject(Hj212Error.MISSING_FIELD, contentStart, "ExeRtn", "a 9012 execution result needs ExeRtn");
        }
        if (direction == Direction.UP && UP_NEEDS_DATATIME.contains(cn)) {
            if (cpValue.isEmpty()) {
                throw reject(Hj212Error.EMPTY_CP, contentStart, "CP", "CN " + cnText + " upload without data");
            }
            if (!cpValue.has("DataTime")) {
                throw reject(
                        Hj212Error.MISSING_DATATIME,
                        contentStart,
                        "DataTime",
                        "CN " + cnText + " upload needs DataTime");
            }
            if (cpValue.size() == 1) {
                throw reject(Hj212Error.EMPTY_CP, contentStart, "CP", "CN " + cnText + " upload with DataTime only");
            }
            if (cn == 2011 && intervalAt >= 0) {
                deviation(
                        Hj212Error.BAD_VALUE,
                        intervalAt,
                        intervalName,
                        "a real-time (2011) upload carries -Rtd values, never interval values (-Cou, -Avg, -Min, -Max)");
            }
        }
        if ((cn == 9013 || cn == 9014) && !cpValue.isEmpty()) {
            deviation(
                    Hj212Error.BAD_VALUE,
                    contentStart,
                    "CP",
                    "a " + cnText + " answer carries an empty CP (Table 9); the QN it answers is the header's");
        }
        if (direction == Direction.DOWN && DOWN_NEEDS_RANGE.contains(cn)) {
            if (!cpValue.has("BeginTime") || !cpValue.has("EndTime")) {
                throw reject(
                        Hj212Error.MISSING_FIELD,
                        contentStart,
                        cpValue.has("BeginTime") ? "EndTime" : "BeginTime",
                        "history request CN " + cnText + " needs BeginTime and EndTime");
            }
        }

        Header header = new Header(qn, new SystemCode(st), new CommandCode(cnText), pw, mn, flag, packet, unknown);
        return Hj212Message.of(header, cpValue);
    }

    /**
     * Splits the data area into items and pairs ({@code ;} between items, {@code ,} within one, {@code =} joining
     * a name to its value; a value that starts with {@code //} runs to the next {@code //}), then checks each pair
     * in wire order. Works on the bytes: the checks need no strings.
     */
    private Cp parseCp(int from, int to) {
        if (from == to) {
            return Cp.EMPTY;
        }
        // First pass: the whole split, so that log-text syntax errors come before any per-pair check (§19).
        // Five ints per span: name start, name end, value start, value end (name start == end: no name), and a
        // slot the second pass uses. The second pass compacts the kept pairs in place into the Cp layout.
        int[] spans = new int[5 * (8 + (to - from) / 12)];
        int count = 0;
        int i = from;
        while (i < to) {
            int j = i;
            int c;
            while (j < to && (c = at(j)) != '=' && c != ';' && c != ',') {
                j++;
            }
            if (count * 5 + 5 > spans.length) {
                spans = java.util.Arrays.copyOf(spans, spans.length * 2);
            }
            if (j >= to || at(j) != '=') {
                setSpan(spans, count++, i, i, i, j);
                i = j + 1;
                continue;
            }
            int nameStart = i;
            int nameEnd = j;
            j++;
            int valueStart = j;
            int valueEnd;
            if (j + 1 < to && at(j) == '/' && at(j + 1) == '/') {
                int close = indexOf(j + 2, to, "//");
                if (close < 0) {
                    throw reject(Hj212Error.BAD_SYNTAX, j, text(nameStart, nameEnd), "unterminated //log// value");
                }
                valueEnd = close + 2;
                j = valueEnd;
                if (j < to && at(j) != ';' && at(j) != ',') {
                    throw reject(Hj212Error.BAD_SYNTAX, j, text(nameStart, nameEnd), "text after a //log// value");
                }
            } else {
                int k = j;
                while (k < to && (c = at(k)) != ';' && c != ',') {
                    k++;
                }
                valueEnd = k;
                j = k;
            }
            setSpan(spans, count++, nameStart, nameEnd, valueStart, valueEnd);
            i = j + 1;
        }
        int last = at(to - 1);
        if (last == ';' || last == ',') {
            if (count * 5 + 5 > spans.length) {
                spans = java.util.Arrays.copyOf(spans, spans.length * 2);
            }
            setSpan(spans, count++, to, to, to, to);
        }

        // Second pass: check every pair in wire order. An ASCII data area becomes one string and the layout of
        // its pairs, which are cut out only when someone reads them; otherwise pairs are built now.
        int[] seen = new int[Integer.highestOneBit(Math.max(4, count * 2)) << 1];
        boolean lazy = !nonAscii;
        int kept = 0;
        boolean startsItem = true;
        List<CpItem> items = lazy ? null : new ArrayList<>(count);
        CpPair[] group = lazy ? null : new CpPair[8];
        int grouped = 0;
        for (int s = 0; s < count; s++) {
            int nameStart = spans[s * 5], nameEnd = spans[s * 5 + 1];
            int valueStart = spans[s * 5 + 2], valueEnd = spans[s * 5 + 3];
            if (nameStart == from || at(nameStart - 1) == ';') {
                startsItem = true;
                if (grouped > 0) {
                    items.add(item(group, grouped));
                    grouped = 0;
                }
            }
            if (nameStart == nameEnd) {
                if (valueStart == valueEnd) {
                    deviation(Hj212Error.BAD_SYNTAX, nameStart, "CP", "empty CP item");
                    continue;
                }
                throw reject(
                        Hj212Error.BAD_SYNTAX,
                        nameStart,
                        "CP",
                        "CP item without a name: " + show(valueStart, valueEnd));
            }
            int dash = checkName(nameStart, nameEnd);
            if (!firstSighting(seen, spans, kept, nameStart - from, nameEnd - from, from, nameHash)) {
                String name = text(nameStart, nameEnd);
                throw reject(Hj212Error.DUPLICATE_KEY, nameStart, name, "CP field " + name + " occurs twice");
            }
            checkValue(nameStart, dash, nameEnd, valueStart, valueEnd);
            // kept <= s, so writing entry 'kept' never overwrites a span not yet read
            spans[kept * 5] = nameStart - from;
            spans[kept * 5 + 1] = nameEnd - from;
            spans[kept * 5 + 2] = valueStart - from;
            spans[kept * 5 + 3] = valueEnd - from;
            spans[kept * 5 + 4] = startsItem ? 1 : 0;
            kept++;
            if (!lazy) {
                if (grouped == group.length) {
                    group = java.util.Arrays.copyOf(group, grouped * 2);
                }
                group[grouped++] = new CpPair(text(nameStart, nameEnd), text(valueStart, valueEnd));
            }
            startsItem = false;
        }
        if (lazy) {
            return Cp.fromLayout(new String(b, base + from, to - from, StandardCharsets.ISO_8859_1), spans, kept);
        }
        if (grouped > 0) {
            items.add(item(group, grouped));
        }
        return new Cp(items);
    }

    private static void setSpan(int[] spans, int index, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        int at = index * 5;
        spans[at] = nameStart;
        spans[at + 1] = nameEnd;
        spans[at + 2] = valueStart;
        spans[at + 3] = valueEnd;
    }

    private static CpItem item(CpPair[] group, int n) {
        if (n == 1) {
            return new CpItem(List.of(group[0]));
        }
        if (n == 2) {
            return new CpItem(List.of(group[0], group[1]));
        }
        return new CpItem(List.of(java.util.Arrays.copyOf(group, n)));
    }

    /**
     * Checks a CP name on the bytes: {@code [A-Za-z0-9]+(-[A-Za-z]+)?} strictly, with {@code _} and suffix digits
     * tolerated leniently. Returns the position of the dash, or -1.
     */
    private int checkName(int from, int to) {
        int dash = -1;
        boolean strict = true;
        int h = 0;
        for (int i = base + from, end = base + to; i < end; i++) {
            int c = b[i];
            h = 31 * h + c;
            int kind = c < 0 ? BAD : NAME_CHAR[c];
            if (kind == LETTER) {
                continue;
            }
            if (kind == DIGIT) {
                strict &= dash < 0;
            } else if (kind == DASH) {
                int at = i - base;
                if (dash >= 0 || at == from || at == to - 1) {
                    throw badName(from, to);
                }
                dash = at;
            } else if (kind == UNDERSCORE) {
                strict = false;
            } else {
                throw badName(from, to);
            }
        }
        nameHash = h;
        if (!strict) {
            String name = text(from, to);
            deviation(Hj212Error.BAD_SYNTAX, from, name, "CP field name '" + name + "' is not HJ 212-2017 form");
        }
        return dash;
    }

    private static final byte BAD = 0, LETTER = 1, DIGIT = 2, DASH = 3, UNDERSCORE = 4;
    private static final byte[] NAME_CHAR = new byte[128];

    static {
        for (int c = 'A'; c <= 'Z'; c++) {
            NAME_CHAR[c] = LETTER;
            NAME_CHAR[c + 32] = LETTER;
        }
        for (int c = '0'; c <= '9'; c++) {
            NAME_CHAR[c] = DIGIT;
        }
        NAME_CHAR['-'] = DASH;
        NAME_CHAR['_'] = UNDERSCORE;
    }

    private Reject badName(int from, int to) {
        String name = text(from, to);
        return reject(Hj212Error.BAD_SYNTAX, from, name, "bad CP field name '" + name + "'");
    }

    /** Records span {@code s} in the open-addressing table {@code seen}; false when its name was seen before. */
    /**
     * Records kept pair {@code kept} (name at [from, to) relative to {@code origin}) in the open-addressing table
     * {@code seen}; false when an earlier kept pair has the same name. Earlier pairs are read from the compacted
     * layout in {@code spans}.
     */
    private boolean firstSighting(int[] seen, int[] spans, int kept, int from, int to, int origin, int h) {
        int mask = seen.length - 1;
        for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            int other = seen[slot] - 1;
            if (other < 0) {
                seen[slot] = kept + 1;
                return true;
            }
            int oFrom = spans[other * 5], oTo = spans[other * 5 + 1];
            if (oTo - oFrom == to - from && sameBytes(origin + oFrom, origin + from, to - from)) {
                return false;
            }
        }
    }

    private boolean sameBytes(int a, int c, int len) {
        return java.util.Arrays.equals(b, base + a, base + a + len, b, base + c, base + c + len);
    }

    /** The value checks of §19 step 9, chosen by the name: times, numbers, data flags. */
    private void checkValue(int nameStart, int dash, int nameEnd, int from, int to) {
        ValueKind kind = dash < 0 ? plainNameKind(nameStart, nameEnd) : suffixKind(dash + 1, nameEnd);
        switch (kind) {
            case TIME: {
                if (!isTime(from, to)) {
                    String value = text(from, to);
                    String name = text(nameStart, nameEnd);
                    if (!Syntax.isTime(value, true)) {
                        throw reject(
                                Hj212Error.BAD_DATETIME, from, name, "expected YYYYMMDDhhmmss, got '" + value + "'");
                    }
                    deviation(Hj212Error.BAD_DATETIME, from, name, "17-digit time with milliseconds '" + value + "'");
                }
                return;
            }
            case INTERVAL_NUMBER:
                if (intervalAt < 0) {
                    intervalAt = nameStart;
                    intervalName = text(nameStart, nameEnd);
                }
            // fall through: a number like any other
            case NUMBER:
                if (from == to) {
                    deviation(Hj212Error.BAD_VALUE, from, text(nameStart, nameEnd), "empty numeric value");
                } else if (!isNumber(from, to)) {
                    throw reject(
                            Hj212Error.BAD_VALUE,
                            from,
                            text(nameStart, nameEnd),
                            "expected a decimal number, got " + show(from, to));
                }
                return;
            case DATA_FLAG: {
                int c = to - from == 1 ? at(from) : -1;
                if (c < 0 || "NFMSDCTB".indexOf(c) < 0) {
                    String name = text(nameStart, nameEnd);
                    if (c < 0 || !isLetter(c)) {
                        throw reject(
                                Hj212Error.BAD_DATA_FLAG,
                                from,
                                name,
                                "expected one of N F M S D C T B, got " + show(from, to));
                    }
                    deviation(
                            Hj212Error.BAD_DATA_FLAG,
                            from,
                            name,
                            "data flag " + show(from, to) + " is not in HJ 212-2017 Table 8");
                }
                return;
            }
            case TABLE4:
                checkTable4(nameStart, nameEnd, from, to);
                return;
            case LOOSE_FLAG:
                warn(
                        Hj212Error.BAD_DATA_FLAG,
                        nameStart,
                        "Flag",
                        "a data flag " + show(from, to) + " as a CP item of its own belongs to no factor (expected"
                                + " xxxxxx-Flag)");
                if (to - from != 1 || !isLetter(at(from))) {
                    throw reject(Hj212Error.BAD_DATA_FLAG, from, "Flag", "expected one letter, got " + show(from, to));
                }
                return;
            case FACILITY_STATE:
                if (from == to) {
                    deviation(Hj212Error.BAD_VALUE, from, text(nameStart, nameEnd), "empty facility state");
                } else if (to - from != 1 || !isDigit(at(from))) {
                    throw reject(
                            Hj212Error.BAD_VALUE,
                            from,
                            text(nameStart, nameEnd),
                            "expected a facility state of one digit (N1), got " + show(from, to));
                }
                return;
            case LOG:
                if (to - from >= 4 && at(from) == '/' && at(from + 1) == '/' && to - from - 4 >= MAX_LOG_BYTES) {
                    deviation(
                            Hj212Error.BAD_VALUE,
                            from,
                            text(nameStart, nameEnd),
                            "log text of " + (to - from - 4) + " bytes, HJ 212-2017 allows fewer than "
                                    + MAX_LOG_BYTES);
                }
            // fall through: like any other value, it must not hold '&&'
            default:
                // times, numbers and flags cannot hold '&'; any other value must not hold '&&', because the data
                // area ends at the '&&' that ends the segment (§10.1) and the value could not be written back
                if (indexOf(from, to, "&&") >= 0) {
                    throw reject(Hj212Error.BAD_SYNTAX, from, text(nameStart, nameEnd), "'&&' inside a CP value");
                }
        }
    }

    private enum ValueKind {
        TIME,
        NUMBER,
        /** A number of minute, hour or day data ({@code -Cou}, {@code -Avg}, …), which a 2011 upload never has. */
        INTERVAL_NUMBER,
        DATA_FLAG,
        /** A plain field of Table 4 with its own type and range: return codes, intervals, timeouts, a password. */
        TABLE4,
        /** {@code SBxxx-RS}: N1. */
        FACILITY_STATE,
        /** {@code xxxxxx-Info}: log text when it starts with {@code //}. */
        LOG,
        /** {@code Flag} as a CP item of its own. */
        LOOSE_FLAG,
        OTHER
    }

    private static final String[] TIME_NAMES = {"DataTime", "BeginTime", "EndTime", "SystemTime", "RestartTime"};

    /**
     * A CP item {@code Flag=N} (seen in the field, §18): accepted in both modes, belongs to no factor, and warned
     * of, since a reader cannot tell which value it flags.
     */
    private ValueKind looseFlag(int from, int to) {
        return equalsAscii(from, to, "Flag") ? ValueKind.LOOSE_FLAG : ValueKind.OTHER;
    }

    private static final String[] TABLE4_NAMES = {
        "QnRtn",
        "ExeRtn",
        "RtdInterval",
        "MinInterval",
        "OverTime",
        "ReCount",
        "VaseNo",
        "Ctime",
        "CTime",
        "Stime",
        "CstartTime",
        "NewPW"
    };

    /** Log text is shorter than 890 bytes (notes to C.40/C.41). */
    private static final int MAX_LOG_BYTES = 890;

    private ValueKind plainNameKind(int from, int to) {
        for (String t : TIME_NAMES) {
            if (equalsAscii(from, to, t)) {
                return ValueKind.TIME;
            }
        }
        for (String t : TABLE4_NAMES) {
            if (equalsAscii(from, to, t)) {
                return ValueKind.TABLE4;
            }
        }
        return looseFlag(from, to);
    }

    /**
     * Table 4's plain fields: a value of the wrong type (letters in a number, too many digits) is rejected in both
     * modes, as any malformed number is; a well-formed value outside the range the table gives (an interval of 10 s,
     * a timeout of 0) is a deviation, which lenient mode lets through with a warning.
     */
    private void checkTable4(int nameStart, int nameEnd, int from, int to) {
        String name = text(nameStart, nameEnd);
        if (from == to) {
            deviation(Hj212Error.BAD_VALUE, from, name, "empty value");
            return;
        }
        switch (name) {
            case "QnRtn", "ExeRtn" -> integer(name, from, to, 3, 0, 999, "a return code");
            case "RtdInterval" -> integer(name, from, to, 4, 30, 3600, "seconds");
            case "MinInterval" -> {
                int v = integer(name, from, to, 2, 0, 99, "minutes");
                if (java.util.Arrays.binarySearch(MIN_INTERVALS, v) < 0) {
                    deviation(
                            Hj212Error.BAD_VALUE,
                            from,
                            name,
                            "minute interval " + v + " is not one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30");
                }
            }
            case "OverTime", "ReCount", "VaseNo" -> integer(name, from, to, 2, 1, 99, "a count");
            case "Ctime", "CTime" -> integer(name, from, to, 2, 1, 24, "hours");
            case "Stime" -> integer(name, from, to, 4, 1, 120, "minutes");
            case "CstartTime" -> {
                if (to - from != 6
                        || digitsFrom(from, to) != to
                        || num(from, 2) > 23
                        || num(from + 2, 2) > 59
                        || num(from + 4, 2) > 59) {
                    throw reject(Hj212Error.BAD_VALUE, from, name, "expected hhmmss, got " + show(from, to));
                }
            }
            case "NewPW" -> {
                if (indexOf(from, to, "&&") >= 0) {
                    throw reject(Hj212Error.BAD_SYNTAX, from, name, "'&&' inside a CP value");
                }
                boolean alnum = true;
                for (int i = from; i < to; i++) {
                    int c = at(i);
                    alnum &= isDigit(c) || isLetter(c);
                }
                if (!alnum || to - from > 6) {
                    deviation(
                            Hj212Error.BAD_VALUE,
                            from,
                            name,
                            "a new password is up to 6 of 0-9 a-z A-Z (C6), got " + show(from, to));
                }
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static final int[] MIN_INTERVALS = {1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30};

    /** An unsigned integer of up to {@code digits} digits (rejected otherwise) within [min, max] (else a deviation). */
    private int integer(String name, int from, int to, int digits, int min, int max, String what) {
        if (to - from > digits || digitsFrom(from, to) != to) {
            throw reject(
                    Hj212Error.BAD_VALUE,
                    from,
                    name,
                    "expected " + what + " of up to " + digits + " digits (N" + digits + "), got " + show(from, to));
        }
        int v = num(from, to - from);
        if (v < min || v > max) {
            deviation(
                    Hj212Error.BAD_VALUE,
                    from,
                    name,
                    name + " " + v + " is outside " + min + "–" + max + " (HJ 212-2017 Table 4)");
        }
        return v;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The kind of value a suffix announces (Table 4), by length first so that one comparison decides. */
    private ValueKind suffixKind(int from, int to) {
        switch (to - from) {
            case 2:
                if (equalsAscii(from, to, "RT")) {
                    return ValueKind.NUMBER;
                }
                return equalsAscii(from, to, "RS") ? ValueKind.FACILITY_STATE : ValueKind.OTHER;
            case 3:
                switch (at(from)) {
                    case 'R':
                        return kindIf(from, to, "Rtd", ValueKind.NUMBER);
                    case 'A':
                        return kindIf(from, to, "Avg", ValueKind.INTERVAL_NUMBER);
                    case 'C':
                        return kindIf(from, to, "Cou", ValueKind.INTERVAL_NUMBER);
                    case 'M':
                        return equalsAscii(from, to, "Min") || equalsAscii(from, to, "Max")
                                ? ValueKind.INTERVAL_NUMBER
                                : ValueKind.OTHER;
                    default:
                        return ValueKind.OTHER;
                }
            case 4:
                switch (at(from)) {
                    case 'F':
                        return kindIf(from, to, "Flag", ValueKind.DATA_FLAG);
                    case 'I':
                        return kindIf(from, to, "Info", ValueKind.LOG);
                    default:
                        return kindIf(from, to, "Data", ValueKind.NUMBER);
                }
            case 5:
                if (equalsAscii(from, to, "ZsRtd")) {
                    return ValueKind.NUMBER;
                }
                return equalsAscii(from, to, "ZsAvg")
                                || equalsAscii(from, to, "ZsMin")
                                || equalsAscii(from, to, "ZsMax")
                        ? ValueKind.INTERVAL_NUMBER
                        : ValueKind.OTHER;
            case 7:
                return kindIf(from, to, "DayData", ValueKind.NUMBER);
            case 9:
                return kindIf(from, to, "NightData", ValueKind.NUMBER);
            case 10:
                return kindIf(from, to, "SampleTime", ValueKind.TIME);
            default:
                return ValueKind.OTHER;
        }
    }

    private ValueKind kindIf(int from, int to, String suffix, ValueKind kind) {
        return equalsAscii(from, to, suffix) ? kind : ValueKind.OTHER;
    }

    /** Whether [from, to) is a valid 14-digit time, read on the bytes. */
    private boolean isTime(int from, int to) {
        if (to - from != 14 || digitsFrom(from, to) != to) {
            return false;
        }
        return Syntax.isTime(
                num(from, 4),
                num(from + 4, 2),
                num(from + 6, 2),
                num(from + 8, 2),
                num(from + 10, 2),
                num(from + 12, 2));
    }

    private int num(int from, int width) {
        int v = 0;
        for (int i = from; i < from + width; i++) {
            v = v * 10 + (at(i) - '0');
        }
        return v;
    }

    private boolean equalsAscii(int from, int to, String s) {
        int n = s.length();
        if (to - from != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (at(from + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [+-]?\d+(\.\d+)?} on the bytes. */
    private boolean isNumber(int from, int to) {
        int i = from;
        int c = at(i);
        if (c == '+' || c == '-') {
            i++;
        }
        int digits = i;
        while (i < to && (c = at(i)) >= '0' && c <= '9') {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i == to) {
            return true;
        }
        if (at(i) != '.') {
            return false;
        }
        int fraction = ++i;
        while (i < to && (c = at(i)) >= '0' && c <= '9') {
            i++;
        }
        return i == to && i > fraction;
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    // ---------------------------------------------------------------------------------------------------------

    private int at(int i) {
        return b[base + i] & 0xFF;
    }

    private Reject reject(Hj212Error code, int offset, String field, String detail) {
        return new Reject(new Decoded.Rejected(code, offset, field, detail));
    }

    /** A deviation lenient mode tolerates: a warning there, a rejection in strict mode. */
    private void deviation(Hj212Error code, int offset, String field, String detail) {
        if (!lenient) {
            throw reject(code, offset, field, detail);
        }
        warn(code, offset, field, detail);
    }

    private void warn(Hj212Error code, int offset, String field, String detail) {
        if (warnings == null) {
            warnings = new ArrayList<>(4);
        }
        warnings.add(new Warning(code, offset, field, detail));
    }

    private String text(int from, int to) {
        return new String(b, base + from, to - from, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** Index of the first non-digit in [from, to), or {@code to}. */
    private int digitsFrom(int from, int to) {
        for (int i = from; i < to; i++) {
            int c = at(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return to;
    }

    private int indexOf(int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (at(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(int from, int to, String s) {
        int m = s.length();
        outer:
        for (int i = from; i <= to - m; i++) {
            for (int k = 0; k < m; k++) {
                if (at(i + k) != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int headerSlot(int from, int to) {
        for (int i = 0; i < HEADER_ORDER.length; i++) {
            if (equalsAscii(from, to, HEADER_ORDER[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsName(List<HeaderField> fields, String name) {
        for (HeaderField f : fields) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String orderText(int[] order, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(HEADER_ORDER[order[i]]);
        }
        return sb.toString();
    }

    /** Number of code points in [from, to) if it is valid UTF-8, else -1. */
    private int utf8CodePoints(int from, int to) {
        if (firstInvalidUtf8(from, to) >= 0) {
            return -1;
        }
        int count = 0;
        for (int i = from; i < to; i++) {
            if ((at(i) & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** Offset of the first byte that is not valid UTF-8 in [from, to), or -1. */
    private int firstInvalidUtf8(int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, base + from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position() - base;
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return in.position() - base;
        }
        return -1;
    }

    /**
     * Offset of the first byte &gt; 0x7E outside log text, or -1. Log text is a CP value of an {@code xxxxxx-Info} name
     * that starts with {@code //} and runs to the next {@code //} (§10.1, §13): the only place HJ 212-2017 has
     * Chinese text. A {@code //} elsewhere (in the header, inside another value, after other characters) opens
     * nothing.
     */
    private int nonAsciiOutsideLogText(int from, int to, int cpStart) {
        int i = from;
        while (i < to) {
            if (i + 1 < to && at(i) == '/' && at(i + 1) == '/' && opensLogText(i, cpStart)) {
                int close = indexOf(i + 2, to, "//");
                if (close >= 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (at(i) > 0x7E) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Whether the {@code //} at {@code i} starts the value of an {@code -Info} name in the CP data area. */
    private boolean opensLogText(int i, int cpStart) {
        return i - cpStart >= 6 && at(i - 1) == '=' && equalsAscii(i - 6, i - 1, "-Info");
    }

    /** Bytes for a message: printable ASCII as is, anything else as \xNN, in quotes. */
    private String show(int from, int to) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = from; i < to && i < n; i++) {
            int c = at(i);
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append("\\x%02X".formatted(c));
            }
        }
        return sb.append('\'').toString();
    }
}
