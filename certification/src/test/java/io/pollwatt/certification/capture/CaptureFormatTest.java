package io.pollwatt.certification.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.netty.FrameBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFormatTest {

    @TempDir
    Path dir;

    private static final Declaration DECLARATION =
            Declaration.defaults(Profile.DTU_ELECTRICITY, "010000A8900016F000169DC0", "123456");

    @Test
    void a_capture_reads_back_as_written_with_non_ascii_frames_in_base64() throws Exception {
        byte[] ascii = FrameWriter.frame("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
                + "Flag=5;CP=&&RtdInterval=30&&");
        byte[] log = FrameWriter.frame("QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;"
                + "Flag=5;CP=&&DataTime=20100301145000;PolId=w01018;i11001-Info=//清洗管路//&&");
        Capture capture = new Capture(
                DECLARATION,
                Instant.parse("2026-02-28T14:59:00Z"),
                true,
                List.of(
                        new CaptureEntry.Event(5, 1, CaptureEntry.Kind.OPEN, "/127.0.0.1:5000"),
                        new CaptureEntry.Bytes(60_000, 1, CaptureEntry.Way.UP, FrameBytes.copyOf(ascii)),
                        new CaptureEntry.Bytes(60_004, 1, CaptureEntry.Way.DOWN, FrameBytes.copyOf(log)),
                        new CaptureEntry.Event(60_010, 0, CaptureEntry.Kind.PHASE_START, "observe")));
        Path file = dir.resolve("c.jsonl");

        CaptureFormat.write(capture, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(2)).contains("\"text\":\"##0101QN=").contains("1C80\\r\\n");
        assertThat(lines.get(3)).contains("\"base64\":");
        assertThat(CaptureFormat.read(file)).isEqualTo(capture);
    }

    @Test
    void bad_lines_are_all_reported_with_file_and_line() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(
                file,
                CaptureFormat.header(DECLARATION, Instant.EPOCH, false) + "\n"
                        + "not json\n"
                        + "{\"t\":1,\"conn\":1,\"dir\":\"sideways\",\"text\":\"##\"}\n"
                        + "{\"t\":2,\"conn\":1,\"dir\":\"up\"}\n");

        CaptureFormat.BadCapture e =
                catchThrowableOfType(CaptureFormat.BadCapture.class, () -> CaptureFormat.read(file));

        assertThat(e.problems())
                .containsExactly(
                        file + ":2: expected a JSON object, got 'not json'",
                        file + ":3: field 'dir': expected up or down, got \"sideways\"",
                        file + ":4: expected 'text' or 'base64' with the bytes, got neither");
    }
}
