package io.pollwatt.verification.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Warning;
import io.pollwatt.hj212.message.MessageFields;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one {@link ObjectMapper} of the command line, and the JSON shapes it prints. Object keys keep insertion order,
 * so output is byte-identical from run to run.
 */
final class Json {

    /** Duplicate keys are an input error, not "last one wins": a CP with a repeated name is a protocol issue. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads exactly one JSON value: {@code {…} junk} is an error, not {@code {…}}. */
    static final ObjectReader READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** A new empty object. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** One line of JSON text, without line break. */
    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serializes
            throw new UncheckedIOException("cannot write JSON tree", e);
        }
    }

    /**
     * Adds the verdict of one decode after whatever the caller put first: {@code ok}, {@code code}, the offset under
     * {@code offsetKey}, {@code field}, {@code detail}, {@code warnings}, {@code fields}.
     */
    static ObjectNode putVerdict(ObjectNode out, String offsetKey, Decoded decoded) {
        out.put("ok", decoded.ok());
        if (decoded instanceof Decoded.Ok ok) {
            out.putNull("code");
            out.putNull(offsetKey);
            out.putNull("field");
            out.putNull("detail");
            out.set("warnings", warnings(ok.warnings()));
            out.set("fields", MAPPER.valueToTree(MessageFields.of(ok.message())));
        } else {
            Decoded.Rejected rejected = (Decoded.Rejected) decoded;
            out.put("code", rejected.code().name());
            out.put(offsetKey, rejected.offset());
            out.put("field", rejected.field());
            out.put("detail", rejected.detail());
            out.set("warnings", NODES.arrayNode());
            out.putNull("fields");
        }
        return out;
    }

    /** A verdict for an input line that is not a frame: {@code ok=false}, {@code code=BAD_INPUT}. */
    static ObjectNode putBadInput(ObjectNode out, String offsetKey, String detail) {
        out.put("ok", false);
        out.put("code", "BAD_INPUT");
        out.putNull(offsetKey);
        out.putNull("field");
        out.put("detail", detail);
        out.set("warnings", NODES.arrayNode());
        out.putNull("fields");
        return out;
    }

    /** Warnings as {@code [{"code":…, "offset":…, "field":…, "detail":…}, …]}. */
    static ArrayNode warnings(List<Warning> warnings) {
        ArrayNode out = NODES.arrayNode();
        for (Warning w : warnings) {
            ObjectNode node = out.addObject();
            node.put("code", w.code().name());
            node.put("offset", w.offset());
            node.put("field", w.field());
            node.put("detail", w.detail());
        }
        return out;
    }

    /**
     * Whether decoded {@code actual} fields equal a vector's {@code expected} fields: the same header fields with the
     * same values in any order (the vectors list them in wire order, {@link MessageFields} in the standard's), and
     * the same CP pairs in the same order (CP order is data).
     */
    static boolean sameFields(JsonNode expected, JsonNode actual) {
        return expected != null
                && expected.equals(actual)
                && names(expected.path("CP")).equals(names(actual.path("CP")));
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
