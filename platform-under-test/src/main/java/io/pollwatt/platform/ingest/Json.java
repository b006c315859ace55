package io.pollwatt.platform.ingest;

import java.util.Map;

/** The one JSON the writer produces: an object of strings (a record's CP pairs), for a jsonb column. */
final class Json {

    private Json() {}

    /** {@code {"name": "value", ...}} with JSON string escaping. */
    static String object(Map<String, String> pairs) {
        StringBuilder out = new StringBuilder(pairs.size() * 24);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey()).append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        return escape(out, s).append('"');
    }

    /** Appends {@code s} as the inside of a JSON string: quote and backslash escaped, control characters as four-hex-digit escapes. */
    static StringBuilder escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out;
    }
}
