package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class EncodeCommandTest {

    /** Strict vectors whose CP groups pairs other than one factor's with ',': they need "items" (tested below). */
    private static final Set<String> NOT_FACTOR_GROUPED = Set.of("std-C23-2041-histreq-comma");

    private static final String FIELDS =
            "{\"QN\":\"20160801085857223\",\"ST\":\"32\",\"CN\":\"1062\",\"PW\":\"100000\","
                    + "\"MN\":\"010000A8900016F000169DC0\",\"Flag\":\"5\",\"CP\":{\"RtdInterval\":\"30\"}}";
    private static final String FRAME = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;"
            + "MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> the_fields_of_every_strict_vector_encode_to_its_frame_byte_for_byte() {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> "strict".equals(v.text("conformance")))
                .filter(v -> !NOT_FACTOR_GROUPED.contains(v.id()))
                .map(v -> dynamicTest("encode " + v.id(), v.sourceUri(), () -> {
                    TestbedRun run = TestbedRun.run(
                            "hj212",
                            "encode",
                            write(Json.line(v.json().get("fields")) + "\n").toString());

                    assertThat(run.err()).isEmpty();
                    assertThat(run.exitCode()).isZero();
                    assertThat(run.out()).isEqualTo(new String(v.frameBytes(), StandardCharsets.UTF_8));
                }));
    }

    @Test
    void items_control_the_grouping_of_the_cp() throws IOException {
        Vector v = Vectors.load("valid.jsonl").stream()
                .filter(x -> x.id().equals("std-C23-2041-histreq-comma"))
                .findFirst()
                .orElseThrow();
        JsonNode fields = v.json().get("fields");
        String withItems = Json.line(fields)
                .replaceFirst(
                        "}$",
                        ",\"items\":[[[\"BeginTime\",\""
                                + fields.get("CP").get("BeginTime").asText() + "\"]," + "[\"EndTime\",\""
                                + fields.get("CP").get("EndTime").asText() + "\"]]]}");

        TestbedRun withoutItems =
                TestbedRun.run("hj212", "encode", write(Json.line(fields)).toString());
        TestbedRun run = TestbedRun.run("hj212", "encode", write(withItems).toString());

        assertThat(withoutItems.out()).contains("BeginTime=20160801000000;EndTime=");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(new String(v.frameBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void items_alone_are_enough_and_must_agree_with_cp_when_both_are_given() throws IOException {
        String itemsOnly = FIELDS.replace("\"CP\":{\"RtdInterval\":\"30\"}", "\"items\":[[[\"RtdInterval\",\"30\"]]]");
        String disagree = FIELDS.replace("}}", "},\"items\":[[[\"RtdInterval\",\"31\"]]]}");

        assertThat(TestbedRun.run("hj212", "encode", write(itemsOnly).toString())
                        .out())
                .isEqualTo(FRAME);
        TestbedRun run = TestbedRun.run("hj212", "encode", write(disagree).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("CP and items disagree at pair 1");
    }

    @Test
    void one_json_document_over_several_lines_is_one_message() throws IOException {
        String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(FIELDS));
        assertThat(pretty).contains("\n");

        TestbedRun run = TestbedRun.runWithStdin(pretty.getBytes(StandardCharsets.UTF_8), "hj212", "encode");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(FRAME);
    }

    @Test
    void an_array_document_is_one_message_per_element() throws IOException {
        TestbedRun run = TestbedRun.run(
                "hj212",
                "encode",
                write("[\n" + FIELDS + ",\n" + FIELDS + "\n]\n").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(FRAME + FRAME);
    }

    @Test
    void a_bad_line_is_reported_with_its_number_and_the_other_lines_are_still_encoded() throws IOException {
        Path file = write(FIELDS + "\n"
                + FIELDS.replace("20160801085857223", "2016080108585722") + "\n"
                + "{not json\n"
                + FIELDS.replace("\"Flag\":\"5\"", "\"Flag\":5") + "\n"
                + FIELDS + "\n");

        TestbedRun run = TestbedRun.run("hj212", "encode", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(FRAME + FRAME);
        assertThat(run.err())
                .contains(file + ":2: QN must be 17 digits")
                .contains(file + ":3: not valid JSON")
                .contains(file + ":4: Flag must be a JSON string, got number 5")
                .doesNotContain(":1:")
                .doesNotContain(":5:");
    }

    @Test
    void a_message_that_is_not_strictly_conformant_needs_canonical() throws IOException {
        // a 24-character PW is tolerated when decoding leniently, but HJ 212-2017 allows at most 6
        Path file = write(FIELDS.replace("\"PW\":\"100000\"", "\"PW\":\"BF470F88957588DE902D1A52\""));

        TestbedRun strict = TestbedRun.run("hj212", "encode", file.toString());
        TestbedRun canonical = TestbedRun.run("hj212", "encode", "--canonical", file.toString());

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains(file + ":1:").contains("BAD_PW");
        assertThat(canonical.exitCode()).isZero();
        byte[] frame = canonical.out().getBytes(StandardCharsets.UTF_8);
        assertThat(Hj212Codec.lenient().decode(frame)).isInstanceOf(Decoded.Ok.class);
        assertThat(((Decoded.Rejected) Hj212Codec.strict().decode(frame)).code().name())
                .isEqualTo("BAD_PW");
    }

    @Test
    void direction_takes_part_in_the_strict_check() throws IOException {
        // CN 2011 with an empty CP: a valid request downward, not a valid upload
        String request = FIELDS.replace("\"CN\":\"1062\"", "\"CN\":\"2011\"").replace("{\"RtdInterval\":\"30\"}", "{}");

        TestbedRun down = TestbedRun.run(
                "hj212",
                "encode",
                write(request.replaceFirst("\\{", "{\"direction\":\"down\",")).toString());
        TestbedRun up = TestbedRun.run(
                "hj212",
                "encode",
                write(request.replaceFirst("\\{", "{\"direction\":\"up\",")).toString());

        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).contains(";CN=2011;").contains("CP=&&&&");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.out()).isEmpty();
        assertThat(up.err()).contains("EMPTY_CP");
    }

    @Test
    void missing_and_unknown_keys_are_reported() throws IOException {
        TestbedRun run = TestbedRun.run(
                "hj212",
                "encode",
                write(FIELDS.replace("\"MN\":\"010000A8900016F000169DC0\",", "") + "\n"
                                + FIELDS.replace("\"Flag\"", "\"Flags\"") + "\n"
                                + FIELDS.replace(",\"CP\":{\"RtdInterval\":\"30\"}", "") + "\n"
                                + FIELDS.replace("\"PW\"", "\"PNUM\":\"2\",\"PW\"") + "\n")
                        .toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains(":1: missing MN")
                .contains(":2: unknown key \"Flags\"")
                .contains(":3: missing CP")
                .contains(":4: PNUM and PNO go together");
    }

    @Test
    void an_unreadable_file_is_exit_2() {
        TestbedRun run =
                TestbedRun.run("hj212", "encode", tmp.resolve("none.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.json");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "fields", ".json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
