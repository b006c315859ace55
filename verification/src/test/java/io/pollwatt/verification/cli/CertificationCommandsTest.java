package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.CaptureFormat;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.netty.FrameBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationCommandsTest {

    private static final String MN = "010000A8900016F000169DC0";

    @TempDir
    Path dir;

    @Test
    void replay_judges_a_vendor_capture_and_exits_1_on_a_failed_case() throws Exception {
        Path capture = dir.resolve("vendor.jsonl");
        CaptureFormat.write(lowerCaseCrcCapture(), capture);
        Path out = dir.resolve("report");

        TestbedRun run = TestbedRun.run("replay", capture.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.lines())
                .contains("FRM-04 FAIL  CRC in upper-case hex", "RTY-01 NOT_APPLICABLE  Retry when acks are withheld")
                .last()
                .asString()
                .startsWith("replay: FAIL");
        assertThat(Files.readString(out.resolve("certification.json"))).contains("\"FRM-04\"");
        assertThat(out.resolve("certification.html")).exists();
    }

    @Test
    void replay_of_a_file_that_is_not_a_capture_is_a_usage_error_naming_the_line() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"t\":1}\n");

        TestbedRun run = TestbedRun.run(
                "replay", bad.toString(), "--out", dir.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(Testbed.EXIT_USAGE);
        assertThat(run.err()).contains(bad + ":1: expected the header");
    }

    @Test
    void certify_device_rejects_a_bad_profile_a_missing_mn_and_a_bad_declaration_before_listening() throws Exception {
        Path declaration = dir.resolve("d.json");
        Files.writeString(declaration, "{\"reCount\":0}", StandardCharsets.UTF_8);

        TestbedRun profile = TestbedRun.run("certify-device", "--profile", "toaster", "--mn", MN);
        TestbedRun noMn = TestbedRun.run("certify-device", "--profile", "dtu-electricity");
        TestbedRun bad = TestbedRun.run(
                "certify-device", "--profile", "dtu-electricity", "--mn", MN, "--declaration", declaration.toString());

        assertThat(profile.exitCode()).isEqualTo(Testbed.EXIT_USAGE);
        assertThat(profile.err()).contains("--profile must be dtu-electricity or collector-voc, got 'toaster'");
        assertThat(noMn.exitCode()).isEqualTo(Testbed.EXIT_USAGE);
        assertThat(noMn.err()).contains("give --mn");
        assertThat(bad.exitCode()).isEqualTo(Testbed.EXIT_USAGE);
        assertThat(bad.err()).contains(declaration + ": reCount must be 1..99, got 0");
    }

    @Test
    void certify_device_on_a_port_already_taken_says_so() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            TestbedRun run = TestbedRun.run(
                    "certify-device",
                    "--profile",
                    "dtu-electricity",
                    "--mn",
                    MN,
                    "--listen",
                    "127.0.0.1:" + taken.getLocalPort(),
                    "--out",
                    dir.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(Testbed.EXIT_USAGE);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** Two acknowledged 2011 uploads whose CRC is written in lower case. */
    private static Capture lowerCaseCrcCapture() {
        List<CaptureEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Header h = Header.of(
                    new Qn("2026030100" + (i == 0 ? "00" : "15") + "01000"),
                    St.FLUE_GAS_PROCESS,
                    Cn.REALTIME_DATA,
                    "123456",
                    MN,
                    Flag.of(true, false));
            Hj212Message m = Hj212Message.of(
                    h,
                    Cp.of(
                            CpItem.of("DataTime", "2026030100" + (i == 0 ? "00" : "15") + "00"),
                            CpItem.of("g71301-Rtd", "12.500")));
            String frame = new String(Hj212Codec.encode(m), StandardCharsets.US_ASCII);
            int crc = frame.length() - 6;
            frame = frame.substring(0, crc) + frame.substring(crc, crc + 4).toLowerCase(Locale.ROOT) + "\r\n";
            long at = i * 900_000L + 1_000;
            entries.add(new CaptureEntry.Bytes(
                    at, 1, CaptureEntry.Way.UP, FrameBytes.copyOf(frame.getBytes(StandardCharsets.US_ASCII))));
            entries.add(new CaptureEntry.Bytes(
                    at + 5, 1, CaptureEntry.Way.DOWN, FrameBytes.copyOf(Hj212Codec.encode(Reply.dataAnswer(h)))));
        }
        return new Capture(
                Declaration.defaults(Profile.DTU_ELECTRICITY, MN, "123456"),
                Instant.parse("2026-02-28T16:00:00Z"),
                false,
                entries);
    }
}
