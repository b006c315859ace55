package io.pollwatt.hj212.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the protocol test vectors in place from {@code shared/vectors/hj212} (style.md §11). The folder comes from
 * the system property {@value #PROPERTY}, set by the build; when it is missing the tests fail, naming the property
 * and the path, and never skip.
 */
public final class Vectors {

    /** The build property that names the vectors folder (the parent of {@code hj212/}). */
    public static final String PROPERTY = "pollwatt.vectors.dir";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    /** The {@code hj212} vector folder. */
    public static Path hj212Dir() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set; the build sets it to "
                    + "<repository>/../shared/vectors");
        }
        Path path = Path.of(dir, "hj212").toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("protocol vectors not found at " + path + " (from " + PROPERTY + "=" + dir
                    + "); they live in shared/vectors beside the repository");
        }
        return path;
    }

    /** One line of a vector file. */
    public record Vector(String file, int line, JsonNode json) {

        /** The vector's id. */
        public String id() {
            return json.path("id").asText("line-" + line);
        }

        /** The frame bytes: {@code frame_hex} when present, else the UTF-8 of {@code frame}. */
        public byte[] frameBytes() {
            if (json.hasNonNull("frame_hex")) {
                return HexFormat.of().parseHex(json.get("frame_hex").asText());
            }
            return json.get("frame").asText().getBytes(StandardCharsets.UTF_8);
        }

        /** A text field, or {@code null}. */
        public String text(String name) {
            JsonNode node = json.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** A URI that opens the vector file at this line (JUnit's file source). */
        public URI sourceUri() {
            return URI.create(hj212Dir().resolve(file).toUri() + "?line=" + line);
        }
    }

    /** All vectors of one file ({@code valid.jsonl}, {@code invalid.jsonl}, {@code crc.jsonl}). */
    public static List<Vector> load(String file) {
        Path path = hj212Dir().resolve(file);
        List<Vector> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    out.add(new Vector(file, i + 1, JSON.readTree(lines.get(i))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vectors " + path, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no vectors in " + path);
        }
        return out;
    }

    /** A JSON object node as the plain maps {@code MessageFields} produces. */
    public static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }
}
