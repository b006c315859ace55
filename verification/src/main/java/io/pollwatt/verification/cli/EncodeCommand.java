package io.pollwatt.verification.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Hj212Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code testbed hj212 encode}: JSON in the vectors' {@code "fields"} shape (see {@link MessageInput}) in, frames
 * out. The input is JSON lines, one message a line, or a single JSON document (an object, or an array of objects)
 * spread over several lines: when the first non-blank line is not a JSON value by itself, the whole input is read as
 * one document.
 *
 * <p>Each frame is printed as it is, CR LF included, and nothing else. A message that cannot be encoded is reported
 * on standard error, naming its line, and nothing is printed for it; the others are still encoded, and the exit
 * code is 1.
 */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Encode messages given as JSON (the vectors' \"fields\" shape: QN ST CN PW MN Flag [PNUM PNO] CP,"
                    + " optional items and direction) into HJ 212-2017 frames.",
            "Exit 0 when every message was encoded; 1 when one could not be (reported on stderr);"
                    + " 2 for a usage error or an unreadable file."
        })
final class EncodeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EncodeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--canonical",
            description = "encode in pollwatt's canonical form without the strict HJ 212-2017 check"
                    + " (for messages that are only leniently valid: no QN, a long PW, an extension CN…)")
    private boolean canonical;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "-",
            paramLabel = "FILE",
            description = "JSON lines or one JSON document, or - for standard input (default)")
    private String file;

    /** One JSON value of the input, or why it could not be read, and the line it starts on. */
    private record Entry(int line, JsonNode json, String problem) {}

    @Override
    public Integer call() {
        Testbed testbed = (Testbed) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = "-".equals(file) ? "<stdin>" : file;
        String text;
        try (InputStream in = testbed.open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(Testbed.cannotRead("hj212 encode", file, e));
            return Testbed.EXIT_USAGE;
        }
        int failed = 0;
        int encoded = 0;
        for (Entry entry : entries(text)) {
            String where = name + ":" + entry.line();
            if (entry.problem() != null) {
                err.println("testbed hj212 encode: " + where + ": " + entry.problem());
                failed++;
                continue;
            }
            try {
                MessageInput input = MessageInput.parse(entry.json());
                byte[] frame = canonical
                        ? Hj212Codec.encodeCanonical(input.message())
                        : Hj212Codec.encode(input.message(), input.direction());
                out.print(new String(frame, StandardCharsets.UTF_8));
                encoded++;
            } catch (IllegalArgumentException e) {
                err.println("testbed hj212 encode: " + where + ": " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        LOG.debug("encoded {} messages of {}, {} failed", encoded, name, failed);
        return failed == 0 ? 0 : 1;
    }

    /** The input's JSON values with their lines: JSON lines, or one document over several lines. */
    private static List<Entry> entries(String text) {
        String[] lines = text.split("\r?\n|\r", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            return List.of();
        }
        if (isValue(lines[first])) {
            List<Entry> out = new ArrayList<>();
            for (int i = first; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(entry(i + 1, lines[i]));
                }
            }
            return out;
        }
        return document(text);
    }

    private static boolean isValue(String line) {
        try {
            Json.READER.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Entry entry(int line, String text) {
        try {
            JsonNode json = Json.READER.readTree(text);
            if (json.isArray()) {
                return new Entry(line, null, "expected a JSON object per line, got an array");
            }
            return new Entry(line, json, null);
        } catch (JsonProcessingException e) {
            return new Entry(line, null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** One document: an object, or an array whose elements are each a message. */
    private static List<Entry> document(String text) {
        List<Entry> out = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new IllegalStateException("unreachable: the parser reports a missing ']' itself");
                    }
                    int line = parser.currentTokenLocation().getLineNr();
                    out.add(new Entry(line, Json.MAPPER.readTree(parser), null));
                }
            } else {
                int line = parser.currentTokenLocation().getLineNr();
                out.add(new Entry(line, Json.MAPPER.readTree(parser), null));
            }
            if (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                out.add(new Entry(line, null, "unexpected '" + parser.getText() + "' after the end of the document"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            // nothing after a syntax error in one document can be trusted: report it and stop
            out.add(new Entry(line, null, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a String cannot fail with I/O", e);
        }
        return out;
    }
}
