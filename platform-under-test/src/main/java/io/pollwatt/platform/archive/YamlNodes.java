package io.pollwatt.platform.archive;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.pollwatt.platform.archive.Node.Entry;
import io.pollwatt.platform.archive.Node.Loc;
import io.pollwatt.platform.archive.Node.MapNode;
import io.pollwatt.platform.archive.Node.ScalarNode;
import io.pollwatt.platform.archive.Node.ScalarType;
import io.pollwatt.platform.archive.Node.SeqNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link Node}s that keep their line and column, with Jackson's streaming YAML parser (the
 * platform's own copy of the twin reader's approach: the platform never depends on {@code verification}).
 *
 * <ul>
 *   <li>Anchors, aliases and merge keys ({@code <<: *fan}) are expanded by Jackson's replaying parser; what an alias
 *       brings keeps the location of the anchored text, so a problem in a template is reported there (once).
 *   <li>A key written twice in one mapping is an error; a key from a merge is overridden by the mapping's own key, as
 *       YAML's merge key type says.
 *   <li>Only {@code true} and {@code false} are booleans ({@code yes}, {@code no}, {@code on}, {@code off} stay text,
 *       as in YAML 1.2), so an id or phase such as {@code on} or {@code n} reads as written.
 *   <li>A syntax error ends reading (YAML cannot be resynchronised reliably) and is reported at snakeyaml's problem
 *       mark.
 * </ul>
 */
final class YamlNodes {

    private static final YAMLFactory FACTORY = new ReplayingFactory();

    private YamlNodes() {}

    /** The root node, or {@code null} when the text is empty or not YAML (the problem is in {@code errors}). */
    static Node read(String text, Errors errors) {
        try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                errors.add(Loc.START, ArchiveError.Code.SYNTAX, "a site file: a mapping with id, name, points, …", "");
                return null;
            }
            Node root = value(p, first, errors);
            JsonToken next = p.nextToken();
            if (next != null) {
                errors.add(loc(p.currentTokenLocation()), ArchiveError.Code.SYNTAX, "one YAML document", "---");
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e, errors);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private static Node value(JsonParser p, JsonToken t, Errors errors) throws IOException {
        Loc at = loc(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT:
                return mapping(p, at, errors);
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(p, next, errors));
                }
                return new SeqNode(at, items);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                double number;
                try {
                    number = p.getDoubleValue();
                } catch (IOException | NumberFormatException e) {
                    return new ScalarNode(at, text, ScalarType.STRING, Double.NaN);
                }
                return new ScalarNode(
                        at, text, t == JsonToken.VALUE_NUMBER_INT ? ScalarType.INT : ScalarType.FLOAT, number);
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(at, p.getText(), ScalarType.BOOLEAN, Double.NaN);
            case VALUE_NULL:
                return new ScalarNode(at, text(p), ScalarType.NULL, Double.NaN);
            default:
                return new ScalarNode(at, text(p), ScalarType.STRING, Double.NaN);
        }
    }

    private static MapNode mapping(JsonParser p, Loc at, Errors errors) throws IOException {
        List<Entry> entries = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            Loc keyLoc = loc(p.currentTokenLocation());
            Node value = value(p, p.nextToken(), errors);
            Entry entry = new Entry(key, keyLoc, value);
            int same = indexOf(entries, key);
            if (same < 0) {
                entries.add(entry);
                continue;
            }
            // Replayed (merged) tokens carry the anchor's location, which lies before this mapping.
            boolean earlierMerged = entries.get(same).keyLoc().compareTo(at) < 0;
            boolean thisMerged = keyLoc.compareTo(at) < 0;
            if (!earlierMerged && !thisMerged) {
                Loc first = entries.get(same).keyLoc();
                errors.add(
                        keyLoc,
                        ArchiveError.Code.DUPLICATE_KEY,
                        "each key once in a mapping ('" + key + "' is already at line " + first.line() + ")",
                        key);
            } else if (earlierMerged && !thisMerged) {
                entries.set(same, entry);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("YAML parser gave " + t + " inside a mapping at " + at);
        }
        return new MapNode(at, entries);
    }

    private static int indexOf(List<Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(JsonParser p) throws IOException {
        String text = p.getText();
        return text == null ? "" : text;
    }

    private static Loc loc(JsonLocation l) {
        return new Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static void syntaxError(JsonProcessingException e, Errors errors) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException m = (MarkedYAMLException) e.getCause();
            Loc at = m.getProblemMark() == null
                    ? loc(e.getLocation())
                    : new Loc(
                            m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            String context = m.getContext() == null ? "" : " (" + oneLine(m.getContext()) + context(m) + ")";
            errors.add(at, ArchiveError.Code.SYNTAX, "valid YAML" + context, oneLine(m.getProblem()));
            return;
        }
        Loc at = e.getLocation() == null ? Loc.START : loc(e.getLocation());
        errors.add(at, ArchiveError.Code.SYNTAX, "valid YAML", oneLine(e.getOriginalMessage()));
    }

    private static String context(MarkedYAMLException m) {
        return m.getContextMark() == null
                ? ""
                : " at " + (m.getContextMark().getLine() + 1) + ":"
                        + (m.getContextMark().getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** A YAML factory whose parsers expand aliases and merge keys, and read yes/no/on/off as text. */
    private static final class ReplayingFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        ReplayingFactory() {
            enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new YAMLAnchorReplayingParser(
                    ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }
    }
}
