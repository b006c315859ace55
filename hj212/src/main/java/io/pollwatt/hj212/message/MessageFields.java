package io.pollwatt.hj212.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as plain name → text maps, in the shape the test vectors use for {@code "fields"}: header fields as
 * strings (only those present, unknown ones included), then {@code "CP"} as an ordered map of name → literal value.
 * Used to compare a decode with a vector and to print a decode as JSON.
 */
public final class MessageFields {

    private MessageFields() {}

    /** The header fields and {@code "CP"} of a message. */
    public static Map<String, Object> of(Hj212Message message) {
        Header h = message.header();
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.qn() != null) {
            out.put("QN", h.qn().text());
        }
        out.put("ST", h.st().text());
        out.put("CN", h.cn().text());
        if (h.pw() != null) {
            out.put("PW", h.pw());
        }
        out.put("MN", h.mn());
        if (h.flag() != null) {
            out.put("Flag", h.flag().text());
        }
        if (h.packet() != null) {
            out.put("PNUM", h.packet().totalText());
            out.put("PNO", h.packet().numberText());
        }
        for (HeaderField f : h.unknownFields()) {
            out.put(f.name(), f.value());
        }
        out.put("CP", cp(message.cp()));
        return out;
    }

    /** The CP as an ordered map of name → literal value. */
    public static Map<String, String> cp(Cp cp) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CpItem item : cp.items()) {
            for (CpPair pair : item.pairs()) {
                out.put(pair.name(), pair.value());
            }
        }
        return out;
    }
}
