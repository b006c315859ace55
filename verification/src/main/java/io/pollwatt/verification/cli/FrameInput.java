package io.pollwatt.verification.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.pollwatt.hj212.codec.Direction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a JSON-lines file in the format of {@code shared/vectors/hj212} (README "Format"): the frame's bytes
 * from {@code frame_hex} (authoritative) or else the UTF-8 of {@code frame}, the {@code direction} ({@code up},
 * {@code down}, or absent for unknown), and the {@code id}. Other keys are kept in {@link #json()} for the caller.
 *
 * <p>A line that cannot be read as such is not thrown: {@link #problem()} says what is wrong, in words that name
 * the line (style.md §7).
 */
final class FrameInput {

    private final int line;
    private final JsonNode id;
    private final JsonNode json;
    private final byte[] frame;
    private final Direction direction;
    private final String problem;

    private FrameInput(int line, JsonNode id, JsonNode json, byte[] frame, Direction direction, String problem) {
        this.line = line;
        this.id = id;
        this.json = json;
        this.frame = frame;
        this.direction = direction;
        this.problem = problem;
    }

    /** Reads line {@code line} (1-based) of {@code file}, whose text is {@code text}. */
    static FrameInput parse(String file, int line, String text) {
        Objects.requireNonNull(text, "text");
        JsonNode json;
        try {
            json = Json.READER.readTree(text);
        } catch (JsonProcessingException e) {
            return bad(
                    line,
                    IntNode.valueOf(line),
                    null,
                    where(file, line, e) + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            return bad(
                    line,
                    IntNode.valueOf(line),
                    json,
                    where(file, line) + ": expected a JSON object, got "
                            + (json == null
                                    ? "nothing"
                                    : json.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode idNode = json.get("id");
        JsonNode id = idNode == null || idNode.isNull() ? IntNode.valueOf(line) : idNode;

        JsonNode dirNode = json.get("direction");
        Direction direction = Direction.UNKNOWN;
        if (dirNode != null && !dirNode.isNull()) {
            direction = dirNode.isTextual() ? Direction.fromVector(dirNode.asText()) : Direction.UNKNOWN;
            if (direction == Direction.UNKNOWN) {
                // a typo must not silently switch the direction-dependent checks off
                return bad(
                        line, id, json, where(file, line) + ": direction must be \"up\" or \"down\", got " + dirNode);
            }
        }

        JsonNode hex = json.get("frame_hex");
        JsonNode frameText = json.get("frame");
        byte[] bytes;
        if (hex != null && !hex.isNull()) {
            if (!hex.isTextual()) {
                return bad(line, id, json, where(file, line) + ": frame_hex must be a string, got " + hex);
            }
            String digits = hex.asText();
            try {
                bytes = HexFormat.of().parseHex(digits);
            } catch (IllegalArgumentException e) {
                return bad(line, id, json, where(file, line) + ": frame_hex is not hex (" + badHex(digits) + ")");
            }
        } else if (frameText != null && !frameText.isNull()) {
            if (!frameText.isTextual()) {
                return bad(line, id, json, where(file, line) + ": frame must be a string, got " + frameText);
            }
            bytes = frameText.asText().getBytes(StandardCharsets.UTF_8);
        } else {
            return bad(line, id, json, where(file, line) + ": no frame: expected key \"frame\" or \"frame_hex\"");
        }
        return new FrameInput(line, id, json, bytes, direction, null);
    }

    private static FrameInput bad(int line, JsonNode id, JsonNode json, String problem) {
        return new FrameInput(line, id, json, null, Direction.UNKNOWN, problem);
    }

    private static String where(String file, int line) {
        return file + ":" + line;
    }

    private static String where(String file, int line, JsonProcessingException e) {
        if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
            return file + ":" + line + ":" + e.getLocation().getColumnNr();
        }
        return where(file, line);
    }

    private static String badHex(String digits) {
        if (digits.length() % 2 != 0) {
            return "odd number of digits: " + digits.length();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return "'" + digits.charAt(i) + "' at character " + (i + 1);
            }
        }
        return "not a hex string";
    }

    /** The 1-based line number. */
    int line() {
        return line;
    }

    /** The line's {@code id}, or the line number when it has none. */
    JsonNode id() {
        return id;
    }

    /** The whole JSON object, or {@code null} when the line is not JSON. */
    JsonNode json() {
        return json;
    }

    /** A text field of the object, or {@code null}. */
    String text(String name) {
        JsonNode node = json == null ? null : json.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Whether the line holds a frame; when not, {@link #problem()} says why. */
    boolean ok() {
        return problem == null;
    }

    /** What is wrong with the line, or {@code null}. */
    String problem() {
        return problem;
    }

    /** A copy of the frame's bytes; only when {@link #ok()}. */
    byte[] frame() {
        if (frame == null) {
            throw new IllegalStateException("line " + line + " has no frame: " + problem);
        }
        return frame.clone();
    }

    /** The direction, {@link Direction#UNKNOWN} when the line has none. */
    Direction direction() {
        return direction;
    }
}
