package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.message.CommandCode;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.SystemCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message written as JSON in the vectors' {@code "fields"} shape, for {@code testbed hj212 encode}:
 *
 * <pre>
 *   {"QN":"20160801085857223","ST":"32","CN":"2011","PW":"123456","MN":"010000A8900016F000169DC0","Flag":"5",
 *    "CP":{"DataTime":"20160801085857","w01018-Rtd":"2.2","w01018-Flag":"N"}}
 * </pre>
 *
 * <p>Optional {@code "PNUM"}/{@code "PNO"} (both or neither), optional {@code "direction"} ({@code up}/{@code down},
 * for the direction-dependent strict checks), and optional {@code "items"}: {@code [[["name","value"],…],…]}, the
 * CP's {@code ;}-separated items of {@code ,}-joined pairs. Without {@code items}, consecutive pairs of one factor
 * ({@code w01018-Rtd}, {@code w01018-Flag}) form one item and every other pair is an item of its own; with both,
 * {@code CP} must list the same pairs in the same order. Every value is a JSON string, because the wire text is the
 * data ({@code "1.230"} stays {@code 1.230}).
 *
 * @param message the message built from the records' own checks
 * @param direction who sends it
 */
record MessageInput(Hj212Message message, Direction direction) {

    private static final Set<String> KEYS =
            Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO", "CP", "items", "direction");

    /**
     * Builds the message of one JSON object.
     *
     * @throws IllegalArgumentException saying what is wrong (a missing or malformed field, or a record's own check)
     */
    static MessageInput parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + kind(json));
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key
                        + "\"; expected QN, ST, CN, PW, MN, Flag, PNUM, PNO, CP, items, direction");
            }
        }
        String qn = optional(json, "QN");
        String pnum = optional(json, "PNUM");
        String pno = optional(json, "PNO");
        if ((pnum == null) != (pno == null)) {
            throw new IllegalArgumentException("PNUM and PNO go together, got only " + (pnum == null ? "PNO" : "PNUM"));
        }
        String flag = optional(json, "Flag");
        Header header = new Header(
                qn == null ? null : new Qn(qn),
                new SystemCode(required(json, "ST")),
                new CommandCode(required(json, "CN")),
                optional(json, "PW"),
                required(json, "MN"),
                flag == null ? null : new Flag(flag),
                pnum == null ? null : new Packet(pnum, pno),
                List.of());
        Cp cp = cp(json);
        String direction = optional(json, "direction");
        Direction dir = Direction.UNKNOWN;
        if (direction != null) {
            dir = Direction.fromVector(direction);
            if (dir == Direction.UNKNOWN) {
                throw new IllegalArgumentException("direction must be \"up\" or \"down\", got \"" + direction + "\"");
            }
        }
        return new MessageInput(Hj212Message.of(header, cp), dir);
    }

    private static Cp cp(JsonNode json) {
        JsonNode cp = json.get("CP");
        JsonNode items = json.get("items");
        if (cp != null && !cp.isNull() && !cp.isObject()) {
            throw new IllegalArgumentException("CP must be an object of name: value, got " + kind(cp));
        }
        List<CpPair> fromCp = new ArrayList<>();
        if (cp != null && !cp.isNull()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = cp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fromCp.add(new CpPair(e.getKey(), string(e.getValue(), "CP value of " + e.getKey())));
            }
        }
        if (items == null || items.isNull()) {
            if (cp == null || cp.isNull()) {
                throw new IllegalArgumentException("missing CP: give \"CP\": {…} (or {} for CP=&&&&) or \"items\"");
            }
            return new Cp(group(fromCp));
        }
        List<CpItem> explicit = items(items);
        if (cp != null && !cp.isNull()) {
            List<CpPair> flat = new Cp(explicit).pairs();
            for (int i = 0; i < Math.max(flat.size(), fromCp.size()); i++) {
                CpPair a = i < fromCp.size() ? fromCp.get(i) : null;
                CpPair b = i < flat.size() ? flat.get(i) : null;
                if (a == null || !a.equals(b)) {
                    throw new IllegalArgumentException("CP and items disagree at pair " + (i + 1) + ": CP has "
                            + (a == null ? "nothing" : a) + ", items have " + (b == null ? "nothing" : b));
                }
            }
        }
        return new Cp(explicit);
    }

    /** Consecutive pairs of one factor code form one item; any other pair is an item of its own. */
    private static List<CpItem> group(List<CpPair> pairs) {
        List<CpItem> out = new ArrayList<>();
        List<CpPair> run = new ArrayList<>();
        String runCode = null;
        for (CpPair pair : pairs) {
            String code = pair.name().indexOf('-') > 0 ? pair.factorCode() : null;
            if (code == null || !code.equals(runCode)) {
                if (!run.isEmpty()) {
                    out.add(new CpItem(run));
                    run = new ArrayList<>();
                }
            }
            run.add(pair);
            runCode = code;
        }
        if (!run.isEmpty()) {
            out.add(new CpItem(run));
        }
        return out;
    }

    private static List<CpItem> items(JsonNode items) {
        if (!items.isArray()) {
            throw new IllegalArgumentException("items must be an array of items, got " + kind(items));
        }
        List<CpItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "items[" + i + "]";
            if (!item.isArray() || item.isEmpty()) {
                throw new IllegalArgumentException(
                        where + " must be a non-empty array of [name, value] pairs, got " + item);
            }
            List<CpPair> pairs = new ArrayList<>();
            for (int j = 0; j < item.size(); j++) {
                JsonNode pair = item.get(j);
                String at = where + "[" + j + "]";
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException(at + " must be [name, value], got " + pair);
                }
                pairs.add(new CpPair(string(pair.get(0), at + " name"), string(pair.get(1), at + " value")));
            }
            out.add(new CpItem(pairs));
        }
        return out;
    }

    private static String required(JsonNode json, String key) {
        String value = optional(json, key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static String optional(JsonNode json, String key) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? null : string(node, key);
    }

    private static String string(JsonNode node, String what) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(what + " must be a JSON string, got " + kind(node) + " " + node);
        }
        return node.asText();
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
