package io.pollwatt.certification.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes a {@link Declaration} as JSON (docs/certification.md "Declaration"). Every problem in the file is
 * collected and reported at once, each naming the file and the field (style.md §7).
 */
public final class DeclarationReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of(
            "profile",
            "mn",
            "pw",
            "zone",
            "supportedCns",
            "rtdIntervalSeconds",
            "overTimeSeconds",
            "reCount",
            "packetisation",
            "cadenceToleranceSeconds",
            "hourAverage");

    private DeclarationReader() {}

    /** A declaration file that cannot be used: every problem found in it. */
    public static final class BadDeclaration extends Exception {
        private final List<String> problems;

        BadDeclaration(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        /** One line per problem: {@code file: field 'x': expected …, got …}. */
        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads {@code file}; fields it lacks take the values of {@link Declaration#defaults}, with {@code mn} and
     * {@code pw} from the command line when the file has none.
     */
    public static Declaration read(Path file, Profile profile, String mn, String pw)
            throws IOException, BadDeclaration {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadDeclaration(List.of(file + ": not JSON: " + e.getOriginalMessage()));
        }
        return parse(root, file.toString(), profile, mn, pw);
    }

    /** Parses a declaration tree; {@code where} names it in problems. */
    public static Declaration parse(JsonNode root, String where, Profile profile, String mn, String pw)
            throws BadDeclaration {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new BadDeclaration(List.of(where + ": expected a JSON object"));
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add(where + ": unknown field '" + f + "' (known: " + new TreeSet<>(FIELDS) + ")");
            }
        });
        Profile p = profile;
        if (root.has("profile")) {
            String text = root.get("profile").asText();
            p = Profile.of(text).orElse(null);
            if (p == null) {
                problems.add(where + ": field 'profile': expected dtu-electricity, collector-voc or platform, got '"
                        + text + "'");
                p = profile;
            } else if (profile != null && p != profile) {
                problems.add(where + ": field 'profile': the command line says " + profile + ", the file " + p);
            }
        }
        if (p == null) {
            throw new BadDeclaration(List.of(where + ": field 'profile' missing and none given"));
        }
        Declaration d = Declaration.defaults(p, mn == null ? "000000000000000000000000" : mn, pw == null ? "1" : pw);
        String theMn = text(root, "mn", d.mn(), where, problems);
        String thePw = text(root, "pw", d.pw(), where, problems);
        ZoneId zone = d.zone();
        if (root.has("zone")) {
            try {
                zone = ZoneId.of(root.get("zone").asText());
            } catch (java.time.DateTimeException e) {
                problems.add(where + ": field 'zone': expected a zone such as Asia/Shanghai, got '"
                        + root.get("zone").asText() + "'");
            }
        }
        Set<Integer> cns = d.supportedCns();
        if (root.has("supportedCns")) {
            cns = new TreeSet<>();
            if (!root.get("supportedCns").isArray()) {
                problems.add(
                        where + ": field 'supportedCns': expected an array of CNs, got " + root.get("supportedCns"));
            } else {
                for (JsonNode n : root.get("supportedCns")) {
                    if (!n.canConvertToInt() || n.asInt() < 1000 || n.asInt() > 9999) {
                        problems.add(where + ": field 'supportedCns': expected four-digit CNs, got " + n);
                    } else {
                        cns.add(n.asInt());
                    }
                }
            }
        }
        int rtd = integer(root, "rtdIntervalSeconds", (int) d.rtdInterval().getSeconds(), where, problems);
        int over = integer(root, "overTimeSeconds", (int) d.overTime().getSeconds(), where, problems);
        int re = integer(root, "reCount", d.reCount(), where, problems);
        int tolerance = integer(
                root, "cadenceToleranceSeconds", (int) d.cadenceTolerance().getSeconds(), where, problems);
        boolean split = d.packetisation();
        if (root.has("packetisation")) {
            if (!root.get("packetisation").isBoolean()) {
                problems.add(
                        where + ": field 'packetisation': expected true or false, got " + root.get("packetisation"));
            } else {
                split = root.get("packetisation").asBoolean();
            }
        }
        Declaration.HourAverage avg = d.hourAverage();
        if (root.has("hourAverage")) {
            String t = root.get("hourAverage").asText();
            try {
                avg = Declaration.HourAverage.valueOf(t);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": field 'hourAverage': expected ENERGY or SAMPLES, got '" + t + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadDeclaration(problems);
        }
        try {
            return new Declaration(
                    p,
                    theMn,
                    thePw,
                    zone,
                    cns,
                    Duration.ofSeconds(rtd),
                    Duration.ofSeconds(over),
                    re,
                    split,
                    Duration.ofSeconds(tolerance),
                    avg);
        } catch (IllegalArgumentException e) {
            throw new BadDeclaration(List.of(where + ": " + e.getMessage()));
        }
    }

    /** The declaration as a JSON object (the capture's header carries it). */
    public static ObjectNode toJson(Declaration d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("profile", d.profile().id());
        o.put("mn", d.mn());
        o.put("pw", d.pw());
        o.put("zone", d.zone().getId());
        ArrayNode cns = o.putArray("supportedCns");
        d.supportedCns().stream().sorted().forEach(cns::add);
        o.put("rtdIntervalSeconds", d.rtdInterval().getSeconds());
        o.put("overTimeSeconds", d.overTime().getSeconds());
        o.put("reCount", d.reCount());
        o.put("packetisation", d.packetisation());
        o.put("cadenceToleranceSeconds", d.cadenceTolerance().getSeconds());
        o.put("hourAverage", d.hourAverage().name());
        return o;
    }

    private static String text(JsonNode root, String field, String fallback, String where, List<String> problems) {
        if (!root.has(field)) {
            return fallback;
        }
        if (!root.get(field).isTextual()) {
            problems.add(where + ": field '" + field + "': expected a string, got " + root.get(field));
            return fallback;
        }
        return root.get(field).asText();
    }

    private static int integer(JsonNode root, String field, int fallback, String where, List<String> problems) {
        if (!root.has(field)) {
            return fallback;
        }
        if (!root.get(field).canConvertToInt()) {
            problems.add(where + ": field '" + field + "': expected an integer, got " + root.get(field));
            return fallback;
        }
        return root.get(field).asInt();
    }
}
