package io.pollwatt.certification.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.DeclarationReader;
import io.pollwatt.hj212.netty.FrameBytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The capture file: JSON lines (docs/certification.md "Capture format"). Line 1 is the header:
 *
 * <pre>
 * {"capture":"pollwatt-certification/1","start":"2026-03-01T15:59:00Z","live":true,"declaration":{…}}
 * {"t":1203,"conn":1,"event":"OPEN","detail":""}
 * {"t":60012,"conn":1,"dir":"up","text":"##0101QN=…&amp;&amp;1C80\r\n"}
 * {"t":60014,"conn":1,"dir":"down","text":"##0089QN=…"}
 * {"t":60020,"conn":1,"dir":"up","base64":"IyMwMTUy…"}          bytes that are not all printable ASCII
 * </pre>
 *
 * {@code t} is milliseconds since {@code start} in the device's time base. Reading collects every bad line and reports
 * them together, as {@code file:line: expected …, got …}.
 */
public final class CaptureFormat {

    /** The format name in the header. */
    public static final String FORMAT = "pollwatt-certification/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaptureFormat() {}

    /** A capture file that cannot be read: every problem found. */
    public static final class BadCapture extends Exception {
        private final List<String> problems;

        BadCapture(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        /** One line per problem. */
        public List<String> problems() {
            return problems;
        }
    }

    /** The header line of a capture. */
    public static String header(Declaration declaration, Instant start, boolean live) {
        ObjectNode o = JSON.createObjectNode();
        o.put("capture", FORMAT);
        o.put("start", start.toString());
        o.put("live", live);
        o.set("declaration", DeclarationReader.toJson(declaration));
        return o.toString();
    }

    /** One entry as a line (without the line end). */
    public static String line(CaptureEntry entry) {
        ObjectNode o = JSON.createObjectNode();
        o.put("t", entry.offsetMs());
        if (entry instanceof CaptureEntry.Bytes b) {
            o.put("conn", b.connection());
            o.put("dir", b.way() == CaptureEntry.Way.UP ? "up" : "down");
            byte[] raw = b.bytes().toByteArray();
            if (printable(raw)) {
                o.put("text", new String(raw, StandardCharsets.US_ASCII));
            } else {
                o.put("base64", Base64.getEncoder().encodeToString(raw));
            }
        } else if (entry instanceof CaptureEntry.Event e) {
            o.put("conn", e.connection());
            o.put("event", e.kind().name());
            o.put("detail", e.detail());
        } else {
            throw new IllegalStateException(
                    "no line format for " + entry.getClass().getSimpleName());
        }
        return o.toString();
    }

    /** Writes a whole capture. */
    public static void write(Capture capture, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(capture.declaration(), capture.start(), capture.live()));
            w.write('\n');
            for (CaptureEntry e : capture.entries()) {
                w.write(line(e));
                w.write('\n');
            }
        }
    }

    /** Reads a capture, reporting every bad line. */
    public static Capture read(Path file) throws IOException, BadCapture {
        List<String> problems = new ArrayList<>();
        List<CaptureEntry> entries = new ArrayList<>();
        Declaration declaration = null;
        Instant start = null;
        boolean live = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int n = 0;
            while ((text = r.readLine()) != null) {
                n++;
                String where = file + ":" + n;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    problems.add(where + ": expected a JSON object, got '" + abbreviate(text) + "'");
                    continue;
                }
                if (declaration == null && start == null) {
                    if (!FORMAT.equals(node.path("capture").asText())) {
                        problems.add(where + ": expected the header {\"capture\":\"" + FORMAT + "\",…}, got '"
                                + abbreviate(text) + "'");
                        break;
                    }
                    try {
                        start = Instant.parse(node.path("start").asText());
                    } catch (DateTimeParseException e) {
                        problems.add(where + ": field 'start': expected an ISO instant, got '"
                                + node.path("start").asText() + "'");
                        start = Instant.EPOCH;
                    }
                    live = node.path("live").asBoolean(false);
                    try {
                        declaration = DeclarationReader.parse(
                                node.get("declaration"), where + " declaration", null, null, null);
                    } catch (DeclarationReader.BadDeclaration e) {
                        problems.addAll(e.problems());
                    }
                    continue;
                }
                CaptureEntry entry = entry(node, where, problems);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        if (start == null && problems.isEmpty()) {
            problems.add(file + ":1: expected the header line, got an empty file");
        }
        if (!problems.isEmpty() || declaration == null) {
            throw new BadCapture(problems);
        }
        return new Capture(declaration, start, live, entries);
    }

    private static CaptureEntry entry(JsonNode node, String where, List<String> problems) {
        if (!node.path("t").canConvertToLong()) {
            problems.add(where + ": field 't': expected milliseconds, got " + node.get("t"));
            return null;
        }
        long t = node.get("t").asLong();
        int conn = node.path("conn").asInt(0);
        if (node.has("event")) {
            try {
                CaptureEntry.Kind kind =
                        CaptureEntry.Kind.valueOf(node.get("event").asText());
                return new CaptureEntry.Event(t, conn, kind, node.path("detail").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": field 'event': expected OPEN, CLOSE, PHASE_START or PHASE_END, got "
                        + node.get("event"));
                return null;
            }
        }
        String dir = node.path("dir").asText();
        if (!dir.equals("up") && !dir.equals("down")) {
            problems.add(where + ": field 'dir': expected up or down, got " + node.get("dir"));
            return null;
        }
        byte[] raw;
        if (node.has("text")) {
            raw = node.get("text").asText().getBytes(StandardCharsets.UTF_8);
        } else if (node.has("base64")) {
            try {
                raw = Base64.getDecoder().decode(node.get("base64").asText());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": field 'base64': expected base64, got " + e.getMessage());
                return null;
            }
        } else {
            problems.add(where + ": expected 'text' or 'base64' with the bytes, got neither");
            return null;
        }
        return new CaptureEntry.Bytes(
                t, conn, dir.equals("up") ? CaptureEntry.Way.UP : CaptureEntry.Way.DOWN, FrameBytes.copyOf(raw));
    }

    /** Printable ASCII plus CR and LF: written as text, everything else as base64. */
    private static boolean printable(byte[] raw) {
        for (byte b : raw) {
            int c = b & 0xFF;
            if (!(c >= 0x20 && c < 0x7F) && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
