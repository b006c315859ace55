package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.message.MessageFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The protocol conformance check of the {@code hj212} codec against the vectors of {@code shared/vectors/hj212}
 * (their README; hj212-2017.md §19). Every expectation comes from the vector, never from the codec. One case per
 * vector and mode:
 *
 * <ul>
 *   <li>{@code valid.jsonl}, lenient: decodes Ok with fields equal to the vector's {@code fields} (CP in order);
 *   <li>{@code valid.jsonl}, strict: accepted exactly when {@code conformance} is {@code strict}; otherwise
 *       rejected, with the code {@code strict_rejects_with} names;
 *   <li>{@code invalid.jsonl}, strict: rejected with {@code reason_code};
 *   <li>{@code invalid.jsonl}, lenient: rejected with {@code lenient_reason_code}, or, when that is {@code null},
 *       accepted with a warning of {@code reason_code};
 *   <li>{@code crc.jsonl}: the CRC of {@code input} (or {@code input_hex}) is {@code crc}.
 * </ul>
 *
 * A vector line that cannot be read is a failing case; an empty file is one too, so the suite cannot pass on
 * nothing.
 */
final class ConformanceSuite {

    /** The vector files, in the order they are run. */
    static final List<String> FILES = List.of("valid.jsonl", "invalid.jsonl", "crc.jsonl");

    /**
     * The outcome of a run.
     *
     * @param passed cases that passed
     * @param failures one line per failing case, in file and line order
     */
    record Report(int passed, List<String> failures) {
        Report {
            failures = List.copyOf(failures);
        }

        int failed() {
            return failures.size();
        }
    }

    private final Path dir;
    private int passed;
    private final List<String> failures = new ArrayList<>();

    private ConformanceSuite(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Runs every vector of {@code dir}.
     *
     * @throws IOException when a vector file cannot be read
     */
    static Report run(Path dir) throws IOException {
        ConformanceSuite suite = new ConformanceSuite(dir);
        for (String file : FILES) {
            suite.runFile(file);
        }
        return new Report(suite.passed, suite.failures);
    }

    private void runFile(String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        int cases = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            cases++;
            FrameInput input = FrameInput.parse(file, i + 1, lines.get(i));
            if ("crc.jsonl".equals(file)) {
                crcCase(input);
            } else if (!input.ok()) {
                failures.add(input.problem());
            } else if ("valid.jsonl".equals(file)) {
                validLenient(file, input);
                validStrict(file, input);
            } else {
                invalidStrict(file, input);
                invalidLenient(file, input);
            }
        }
        if (cases == 0) {
            failures.add(file + ": no vectors");
        }
    }

    private void validLenient(String file, FrameInput v) {
        Decoded d = Hj212Codec.lenient().decode(v.frame(), v.direction());
        if (!(d instanceof Decoded.Ok ok)) {
            fail(file, v, "lenient", "expected Ok, got " + d);
            return;
        }
        JsonNode expected = v.json().get("fields");
        JsonNode actual = Json.MAPPER.valueToTree(MessageFields.of(ok.message()));
        if (Json.sameFields(expected, actual)) {
            pass();
        } else {
            fail(file, v, "lenient", "fields differ: expected " + Json.line(expected) + ", got " + Json.line(actual));
        }
    }

    private void validStrict(String file, FrameInput v) {
        Decoded d = Hj212Codec.strict().decode(v.frame(), v.direction());
        boolean strict = "strict".equals(v.text("conformance"));
        if (strict) {
            check(file, v, "strict", d.ok(), "expected Ok (conformance strict), got " + d);
            return;
        }
        if (d.ok()) {
            fail(file, v, "strict", "expected a rejection (conformance " + v.text("conformance") + "), got Ok");
            return;
        }
        String rejectsWith = v.text("strict_rejects_with");
        String expected = rejectsWith == null ? null : rejectsWith.split(" ", 2)[0];
        String got = ((Decoded.Rejected) d).code().name();
        check(file, v, "strict", expected == null || expected.equals(got), "expected " + expected + ", got " + d);
    }

    private void invalidStrict(String file, FrameInput v) {
        expectRejection(file, v, "strict", Hj212Codec.strict().decode(v.frame(), v.direction()), v.text("reason_code"));
    }

    private void invalidLenient(String file, FrameInput v) {
        Decoded d = Hj212Codec.lenient().decode(v.frame(), v.direction());
        String expected = v.text("lenient_reason_code");
        if (expected != null) {
            expectRejection(file, v, "lenient", d, expected);
            return;
        }
        if (!(d instanceof Decoded.Ok ok)) {
            fail(file, v, "lenient", "expected Ok (lenient_reason_code null), got " + d);
            return;
        }
        String strictCode = v.text("reason_code");
        boolean warned = ok.warnings().stream().anyMatch(w -> w.code().name().equals(strictCode));
        check(
                file,
                v,
                "lenient",
                warned,
                "expected Ok with a warning " + strictCode + ", got warnings " + ok.warnings());
    }

    private void expectRejection(String file, FrameInput v, String mode, Decoded d, String expected) {
        if (expected == null) {
            fail(file, v, mode, "vector has no reason code for " + mode + " mode");
        } else if (d instanceof Decoded.Rejected r) {
            check(file, v, mode, r.code().name().equals(expected), "expected " + expected + ", got " + r);
        } else {
            fail(file, v, mode, "expected " + expected + ", got Ok");
        }
    }

    private void crcCase(FrameInput parsed) {
        // crc.jsonl lines carry input/input_hex, not frames: only the parsed JSON object is used
        JsonNode json = parsed.json();
        if (json == null || !json.isObject()) {
            failures.add(parsed.problem());
            return;
        }
        String where = "crc.jsonl:" + parsed.line() + " " + parsed.id().asText();
        byte[] input;
        try {
            if (json.hasNonNull("input_hex")) {
                input = HexFormat.of().parseHex(json.get("input_hex").asText());
            } else if (json.hasNonNull("input")) {
                input = json.get("input").asText().getBytes(StandardCharsets.UTF_8);
            } else {
                failures.add(where + ": vector has neither input nor input_hex");
                return;
            }
        } catch (IllegalArgumentException e) {
            failures.add(where + ": input_hex is not hex");
            return;
        }
        String expected = json.path("crc").asText(null);
        String got = Crc16.toHex(Crc16.compute(input));
        if (got.equals(expected)) {
            pass();
        } else {
            failures.add(where + ": expected CRC " + expected + ", got " + got);
        }
    }

    private void check(String file, FrameInput v, String mode, boolean ok, String failure) {
        if (ok) {
            pass();
        } else {
            fail(file, v, mode, failure);
        }
    }

    private void pass() {
        passed++;
    }

    private void fail(String file, FrameInput v, String mode, String failure) {
        failures.add(file + ":" + v.line() + " " + v.id().asText() + " (" + mode + "): " + failure);
    }
}
