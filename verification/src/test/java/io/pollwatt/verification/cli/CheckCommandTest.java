package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final String GOOD_FRAME = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;"
            + "MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    @TempDir
    Path tmp;

    @Test
    void strict_mode_rejects_every_invalid_vector_with_its_reason_code() {
        List<Vector> vectors = Vectors.load("invalid.jsonl");
        TestbedRun run = TestbedRun.run("hj212", "check", "--mode", "strict", vectorFile("invalid.jsonl"));

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSameSizeAs(vectors);
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo(v.id());
            assertThat(line.get("ok").asBoolean()).as(v.id()).isFalse();
            assertThat(line.get("code").asText()).as(v.id()).isEqualTo(v.text("reason_code"));
            assertThat(line.get("offset").isInt()).as(v.id()).isTrue();
            assertThat(line.get("fields").isNull()).as(v.id()).isTrue();
        }
    }

    @Test
    void lenient_mode_gives_every_invalid_vector_its_lenient_reason_code_or_accepts_it() {
        List<Vector> vectors = Vectors.load("invalid.jsonl");
        TestbedRun run = TestbedRun.run("hj212", "check", "--mode", "lenient", vectorFile("invalid.jsonl"));

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSameSizeAs(vectors);
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo(v.id());
            String expected = v.text("lenient_reason_code");
            if (expected == null) {
                assertThat(line.get("ok").asBoolean()).as(v.id()).isTrue();
                assertThat(line.get("code").isNull()).as(v.id()).isTrue();
                assertThat(line.get("warnings").findValuesAsText("code"))
                        .as(v.id())
                        .contains(v.text("reason_code"));
            } else {
                assertThat(line.get("ok").asBoolean()).as(v.id()).isFalse();
                assertThat(line.get("code").asText()).as(v.id()).isEqualTo(expected);
            }
        }
    }

    @Test
    void lenient_is_the_default_mode_and_valid_vectors_decode_to_their_fields() {
        List<Vector> vectors = Vectors.load("valid.jsonl");
        TestbedRun run = TestbedRun.run("hj212", "check", vectorFile("valid.jsonl"));

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSameSizeAs(vectors);
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo(v.id());
            assertThat(line.get("ok").asBoolean()).as("%s: %s", v.id(), line).isTrue();
            assertThat(line.get("code").isNull()).isTrue();
            JsonNode expected = v.json().get("fields");
            // header fields in any order, CP pairs in their order
            assertThat(Vectors.plain(line.get("fields"))).as(v.id()).isEqualTo(Vectors.plain(expected));
            assertThat(names(line.get("fields").get("CP")))
                    .as(v.id())
                    .containsExactlyElementsOf(names(expected.get("CP")));
        }
    }

    @Test
    void strict_mode_accepts_exactly_the_strict_valid_vectors() {
        List<Vector> vectors = Vectors.load("valid.jsonl");
        TestbedRun run = TestbedRun.run("hj212", "check", "--mode", "strict", vectorFile("valid.jsonl"));

        List<JsonNode> lines = run.json();
        assertThat(lines).hasSameSizeAs(vectors);
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            JsonNode line = lines.get(i);
            boolean strict = "strict".equals(v.text("conformance"));
            assertThat(line.get("ok").asBoolean()).as("%s: %s", v.id(), line).isEqualTo(strict);
            if (strict) {
                assertThat(line.get("warnings")).as(v.id()).isEmpty();
            } else {
                assertThat(line.get("code").asText())
                        .as(v.id())
                        .isEqualTo(v.text("strict_rejects_with").split(" ")[0]);
            }
        }
    }

    @Test
    void prints_the_keys_in_the_documented_order() throws IOException {
        Path file = write("{\"id\":\"a\",\"frame\":" + quoted(GOOD_FRAME) + "}\n" + "{\"id\":\"b\",\"frame\":"
                + quoted(GOOD_FRAME.replace("1C80", "1C81")) + "}\n");

        List<JsonNode> lines = TestbedRun.run("hj212", "check", file.toString()).json();

        assertThat(names(lines.get(0)))
                .containsExactly("id", "ok", "code", "offset", "field", "detail", "warnings", "fields");
        assertThat(names(lines.get(1)))
                .containsExactly("id", "ok", "code", "offset", "field", "detail", "warnings", "fields");
        assertThat(lines.get(1).get("code").asText()).isEqualTo("BAD_CRC");
        assertThat(lines.get(1).get("offset").asInt()).isEqualTo(6 + 101);
        assertThat(lines.get(1).get("field").asText()).isEqualTo("CRC");
    }

    @Test
    void a_malformed_line_between_two_good_ones_costs_only_itself() throws IOException {
        Path file = write("{\"id\":\"first\",\"frame\":" + quoted(GOOD_FRAME) + "}\n"
                + "{\"id\":\"broken\",\"frame\":\n"
                + "{\"id\":\"third\",\"frame\":" + quoted(GOOD_FRAME) + "}\n");

        TestbedRun run = TestbedRun.run("hj212", "check", file.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("ok").asBoolean()).isTrue();
        assertThat(lines.get(1).get("ok").asBoolean()).isFalse();
        assertThat(lines.get(1).get("code").asText()).isEqualTo("BAD_INPUT");
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("detail").asText()).contains(file + ":2").contains("not valid JSON");
        assertThat(lines.get(2).get("ok").asBoolean()).isTrue();
        assertThat(lines.get(2).get("id").asText()).isEqualTo("third");
    }

    @Test
    void lines_that_are_not_frames_are_bad_input_naming_the_line_and_the_problem() throws IOException {
        Path file = write("{\"id\":\"no-frame\"}\n"
                + "{\"id\":\"odd-hex\",\"frame_hex\":\"2323f\"}\n"
                + "{\"id\":\"not-hex\",\"frame_hex\":\"23zz\"}\n"
                + "[1,2]\n"
                + "{\"id\":\"sideways\",\"direction\":\"sideways\",\"frame\":" + quoted(GOOD_FRAME) + "}\n"
                + "{\"id\":\"number\",\"frame\":42}\n");

        List<JsonNode> lines = TestbedRun.run("hj212", "check", file.toString()).json();

        assertThat(lines).hasSize(6);
        assertThat(lines).extracting(l -> l.get("code").asText()).containsOnly("BAD_INPUT");
        assertThat(lines).extracting(l -> l.get("ok").asBoolean()).containsOnly(false);
        assertThat(lines.get(0).get("detail").asText()).contains(":1:").contains("\"frame\" or \"frame_hex\"");
        assertThat(lines.get(1).get("detail").asText()).contains(":2:").contains("odd number of digits");
        assertThat(lines.get(2).get("detail").asText()).contains(":3:").contains("'z' at character 3");
        assertThat(lines.get(3).get("detail").asText()).contains(":4:").contains("expected a JSON object");
        assertThat(lines.get(3).get("id").asInt()).isEqualTo(4);
        assertThat(lines.get(4).get("detail").asText()).contains(":5:").contains("sideways");
        assertThat(lines.get(5).get("detail").asText()).contains(":6:").contains("frame must be a string");
    }

    @Test
    void id_is_the_line_number_when_missing_and_blank_lines_are_skipped_but_counted() throws IOException {
        Path file = write(
                "\n{\"frame\":" + quoted(GOOD_FRAME) + "}\n   \n{\"id\":7,\"frame\":" + quoted(GOOD_FRAME) + "}\n");

        List<JsonNode> lines = TestbedRun.run("hj212", "check", file.toString()).json();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").isInt()).isTrue();
        assertThat(lines.get(0).get("id").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(7);
    }

    @Test
    void frame_hex_is_authoritative_over_frame() throws IOException {
        String hex = HexFormat.of().formatHex(GOOD_FRAME.getBytes(StandardCharsets.US_ASCII));
        Path file = write("{\"id\":\"h\",\"frame\":\"not a frame\",\"frame_hex\":\"" + hex + "\"}\n");

        List<JsonNode> lines = TestbedRun.run("hj212", "check", "--mode", "strict", file.toString())
                .json();

        assertThat(lines.get(0).get("ok").asBoolean()).isTrue();
    }

    @Test
    void direction_from_the_line_reaches_the_direction_dependent_checks() throws IOException {
        // an empty CP is a valid 2011 request downward, not a valid upload (hj212-2017.md §19 step 9)
        String segment = "QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&";
        String frame = frame(segment);
        Path file = write("{\"id\":\"up\",\"direction\":\"up\",\"frame\":" + quoted(frame) + "}\n"
                + "{\"id\":\"down\",\"direction\":\"down\",\"frame\":" + quoted(frame) + "}\n");

        List<JsonNode> lines = TestbedRun.run("hj212", "check", "--mode", "strict", file.toString())
                .json();

        assertThat(lines.get(0).get("code").asText()).isEqualTo("EMPTY_CP");
        assertThat(lines.get(1).get("ok").asBoolean()).isTrue();
    }

    @Test
    void reads_standard_input_for_dash() {
        byte[] stdin = ("{\"id\":\"s\",\"frame\":" + quoted(GOOD_FRAME) + "}\n").getBytes(StandardCharsets.UTF_8);

        TestbedRun run = TestbedRun.runWithStdin(stdin, "hj212", "check", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json())
                .singleElement()
                .satisfies(l -> assertThat(l.get("ok").asBoolean()).isTrue());
    }

    @Test
    void an_unreadable_file_is_exit_2_naming_the_file() {
        Path missing = tmp.resolve("missing.jsonl");

        TestbedRun run = TestbedRun.run("hj212", "check", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(missing.toString()).contains("no such file");
    }

    @Test
    void a_directory_is_exit_2_naming_it() {
        TestbedRun run = TestbedRun.run("hj212", "check", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(tmp.toString()).contains("is a directory");
    }

    @Test
    void an_unknown_mode_is_a_usage_error() throws IOException {
        TestbedRun run =
                TestbedRun.run("hj212", "check", "--mode", "loose", write("").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected strict or lenient, got 'loose'");
    }

    @Test
    void a_missing_file_argument_is_a_usage_error() {
        TestbedRun run = TestbedRun.run("hj212", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE.jsonl");
    }

    static String frame(String segment) {
        byte[] data = segment.getBytes(StandardCharsets.UTF_8);
        return "##%04d%s%s\r\n".formatted(data.length, segment, Crc16.toHex(Crc16.compute(data)));
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "lines", ".jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String vectorFile(String name) {
        return Vectors.hj212Dir().resolve(name).toString();
    }

    static String quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
