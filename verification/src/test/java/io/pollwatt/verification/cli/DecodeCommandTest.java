package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {

    @TempDir
    Path tmp;

    private static Vector valid(String id) {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no valid vector " + id));
    }

    private static Vector invalid(String id) {
        return Vectors.load("invalid.jsonl").stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no invalid vector " + id));
    }

    @Test
    void garbage_between_frames_costs_nothing_that_follows() throws IOException {
        Vector a = valid("pub-std-appA-1062");
        Vector b = valid("std-C14-2011-rtd");
        byte[] fa = a.frameBytes();
        byte[] fb = b.frameBytes();
        byte[] noise1 = "noise".getBytes(StandardCharsets.US_ASCII);
        byte[] noise2 = "\r\nxyz".getBytes(StandardCharsets.US_ASCII);
        Path capture = write(noise1, fa, noise2, fb);

        TestbedRun run = TestbedRun.run("hj212", "decode", capture.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSize(4);
        assertResult(lines.get(0), 0, noise1.length, false);
        assertThat(lines.get(0).get("code").asText()).isEqualTo("MISSING_HEADER");
        assertResult(lines.get(1), noise1.length, fa.length, true);
        assertThat(Vectors.plain(lines.get(1).get("fields")))
                .isEqualTo(Vectors.plain(a.json().get("fields")));
        assertResult(lines.get(2), noise1.length + fa.length, noise2.length, false);
        assertThat(lines.get(2).get("code").asText()).isEqualTo("MISSING_HEADER");
        assertResult(lines.get(3), noise1.length + fa.length + noise2.length, fb.length, true);
        assertThat(Vectors.plain(lines.get(3).get("fields")))
                .isEqualTo(Vectors.plain(b.json().get("fields")));
        assertThat(CheckCommandTest.names(lines.get(3)))
                .containsExactly(
                        "offset", "length", "ok", "code", "frame_offset", "field", "detail", "warnings", "fields");
    }

    @Test
    void a_rejected_frame_reports_its_offset_inside_the_frame_and_the_next_frame_still_decodes() throws IOException {
        Vector bad = invalid("crc-data-altered"); // ##0139…&&7D00: the CRC starts at byte 6 + 139
        Vector good = valid("pub-std-appA-1062");
        byte[] fbad = bad.frameBytes();
        Path capture = write(fbad, good.frameBytes());

        List<JsonNode> lines = TestbedRun.run(
                        "hj212", "decode", "--mode", "strict", "--direction", "up", capture.toString())
                .json();

        assertThat(lines).hasSize(2);
        assertResult(lines.get(0), 0, fbad.length, false);
        assertThat(lines.get(0).get("code").asText()).isEqualTo(bad.text("reason_code"));
        assertThat(lines.get(0).get("frame_offset").asInt()).isEqualTo(6 + 139);
        assertThat(lines.get(0).get("field").asText()).isEqualTo("CRC");
        assertResult(lines.get(1), fbad.length, good.frameBytes().length, true);
    }

    @Test
    void frames_across_read_chunks_are_all_found_at_their_offsets() throws IOException {
        byte[] frame = valid("pub-std-appA-1062").frameBytes();
        int copies = 3 * DecodeCommand.CHUNK_BYTES / frame.length; // several reads, frames split between them
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < copies; i++) {
            stream.write(frame);
        }
        Path capture = write(stream.toByteArray());

        List<JsonNode> lines =
                TestbedRun.run("hj212", "decode", capture.toString()).json();

        assertThat(lines).hasSize(copies);
        for (int i = 0; i < copies; i++) {
            assertResult(lines.get(i), (long) i * frame.length, frame.length, true);
        }
    }

    @Test
    void a_frame_cut_off_by_the_end_of_the_stream_is_reported_as_truncated() throws IOException {
        byte[] frame = valid("pub-std-appA-1062").frameBytes();
        byte[] cut = new byte[40];
        System.arraycopy(frame, 0, cut, 0, cut.length);
        Path capture = write(frame, cut);

        List<JsonNode> lines =
                TestbedRun.run("hj212", "decode", capture.toString()).json();

        assertThat(lines).hasSize(2);
        assertResult(lines.get(0), 0, frame.length, true);
        assertResult(lines.get(1), frame.length, cut.length, false);
        assertThat(lines.get(1).get("code").asText()).isEqualTo("TRUNCATED");
    }

    @Test
    void reads_standard_input_by_default_and_warns_in_lenient_mode() {
        Vector lenient = valid("pub-icecoffee-2061"); // strict: BAD_PW
        TestbedRun run = TestbedRun.runWithStdin(lenient.frameBytes(), "hj212", "decode");

        assertThat(run.exitCode()).isZero();
        JsonNode line = run.json().get(0);
        assertThat(line.get("ok").asBoolean()).isTrue();
        assertThat(line.get("warnings").findValuesAsText("code")).contains("BAD_PW");

        JsonNode strict = TestbedRun.runWithStdin(lenient.frameBytes(), "hj212", "decode", "--mode", "strict", "-")
                .json()
                .get(0);
        assertThat(strict.get("code").asText()).isEqualTo("BAD_PW");
    }

    @Test
    void an_empty_stream_prints_nothing() {
        TestbedRun run = TestbedRun.run("hj212", "decode");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_bad_direction_is_a_usage_error_and_a_missing_file_exit_2() {
        assertThat(TestbedRun.run("hj212", "decode", "--direction", "left").exitCode())
                .isEqualTo(2);
        TestbedRun missing =
                TestbedRun.run("hj212", "decode", tmp.resolve("none.bin").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.bin");
    }

    private static void assertResult(JsonNode line, long offset, int length, boolean ok) {
        assertThat(line.get("offset").asLong()).as("offset of %s", line).isEqualTo(offset);
        assertThat(line.get("length").asInt()).as("length of %s", line).isEqualTo(length);
        assertThat(line.get("ok").asBoolean()).as("ok of %s", line).isEqualTo(ok);
        if (ok) {
            assertThat(line.get("code").isNull()).isTrue();
            assertThat(line.get("frame_offset").isNull()).isTrue();
        } else {
            assertThat(line.get("fields").isNull()).isTrue();
            assertThat(line.get("frame_offset").isInt()).isTrue();
        }
    }

    private Path write(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        Path file = Files.createTempFile(tmp, "capture", ".bin");
        Files.write(file, all.toByteArray());
        return file;
    }
}
