package io.pollwatt.certification.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.certification.Replay;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.CaptureFormat;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.CertCase;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import io.pollwatt.certification.report.CertificationReport;
import io.pollwatt.certification.report.ReportWriter;
import io.pollwatt.emulator.device.DtuDefect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The certification self-test (issue item 4): the project's emulated DTU passes every case of its profile, and a DTU
 * with one deliberate defect fails exactly the matching case(s) and passes every other.
 */
class SelfTestIT {

    @TempDir
    Path dir;

    /**
     * Every defect on the one-meter DTU but the packet defect: a record of one meter fits one frame, so that DTU never
     * splits and a packet defect could not show; it runs on the splitting DTU ({@link
     * #a_dtu_whose_records_are_split_is_judged_on_its_packets}).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DtuDefect.class, mode = EnumSource.Mode.EXCLUDE, names = "DROPS_LAST_PACKET")
    void a_dtu_fails_exactly_the_cases_of_its_defect(DtuDefect defect) throws Exception {
        List<String> progress = new ArrayList<>();
        CertificationReport report =
                EmulatedDtuRig.certify(defect, dir.resolve("store"), dir.resolve("capture.jsonl"), progress);

        failsExactlyItsCases(report, "a DTU", defect);
        assertThat(verdicts(report))
                .containsEntry("PKT-01", Verdict.NOT_APPLICABLE); // not declared: one meter, no split
        assertThat(progress).anyMatch(line -> line.startsWith("phase refused-connections"));
    }

    /**
     * The DTU with {@link EmulatedDtuRig#SPLITTING_METERS} meters, declaring packetisation: its 2011, 2051, 2061 and
     * 2031 records are split, live, resent and retrieved. The clean one passes every case with PKT-01 judged on real
     * split messages; one that never sends the last packet fails PKT-01 and nothing else.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DtuDefect.class,
            names = {"NONE", "DROPS_LAST_PACKET"})
    void a_dtu_whose_records_are_split_is_judged_on_its_packets(DtuDefect defect) throws Exception {
        Path capture = dir.resolve("capture.jsonl");
        CertificationReport report = EmulatedDtuRig.certify(
                defect, EmulatedDtuRig.SPLITTING_METERS, dir.resolve("store"), capture, new ArrayList<>());

        assertThat(report.declaration().packetisation()).isTrue();
        failsExactlyItsCases(report, "a splitting DTU", defect);
        // not vacuous: the wire itself (read here without the judge) carried split records of every upload CN,
        // and the judge counted each of them
        Map<String, Set<Integer>> split = splitMessages(capture);
        assertThat(split.keySet().stream().map(k -> k.substring(0, 4)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("2011", "2051", "2061", "2031");
        CaseResult pkt = result(report, "PKT-01");
        assertThat(pkt.evidence()).contains(split.size() + " split message(s) seen");
        if (defect == DtuDefect.NONE) {
            assertThat(split)
                    .allSatisfy((message, packets) ->
                            assertThat(packets).as(message).isEqualTo(numbers(total(message))));
        } else {
            assertThat(split)
                    .allSatisfy((message, packets) ->
                            assertThat(packets).as(message).isEqualTo(numbers(total(message) - 1)));
            assertThat(pkt.evidence()).anyMatch(line -> line.startsWith("FAIL split message 2011 "));
        }
    }

    @Test
    void the_emulated_voc_data_collector_passes_every_case_of_its_profile() throws Exception {
        CertificationReport report = EmulatedDtuRig.certify(
                true, DtuDefect.NONE, dir.resolve("store"), dir.resolve("capture.jsonl"), new ArrayList<>());

        assertThat(report.declaration().profile().id()).isEqualTo("collector-voc");
        assertThat(ids(report, Verdict.FAIL)).as("report:%n%s", explain(report)).isEmpty();
        assertThat(ids(report, Verdict.INCONCLUSIVE))
                .as("report:%n%s", explain(report))
                .isEmpty();
        assertThat(ids(report, Verdict.PASS))
                .contains("FRM-02", "CAD-01", "CMD-1072", "CMD-3020", "RTY-01", "RSD-01", "MAL-01");
    }

    /**
     * The collector with each defect its profile can show: the framing defects, no ack wait and resent duplicates. It
     * uploads 2011 only and never splits, so the hour-average, retrieval and packet defects have no case to fail in
     * the collector-voc profile (the profile has no AGG- or HIS- case, and PKT-01 is not declared); they run on the
     * DTU.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DtuDefect.class,
            names = {"WRONG_CRC_VARIANT", "LOWERCASE_CRC", "LENGTH_IN_CHARACTERS", "NO_ACK_WAIT", "RESEND_DUPLICATES"})
    void a_voc_data_collector_fails_exactly_the_cases_of_its_defect(DtuDefect defect) throws Exception {
        CertificationReport report = EmulatedDtuRig.certify(
                true, defect, dir.resolve("store"), dir.resolve("capture.jsonl"), new ArrayList<>());

        assertThat(report.declaration().profile().id()).isEqualTo("collector-voc");
        failsExactlyItsCases(report, "a collector", defect);
        // the profile has no aggregate or retrieval case at all; packetisation is not declared
        assertThat(verdicts(report))
                .doesNotContainKeys("AGG-01", "AGG-02", "AGG-03", "HIS-2051", "HIS-2061", "HIS-2031")
                .containsEntry("PKT-01", Verdict.NOT_APPLICABLE);
    }

    @Test
    void replaying_the_capture_of_a_run_gives_the_passive_verdicts_again_and_no_active_ones() throws Exception {
        Path capture = dir.resolve("capture.jsonl");
        CertificationReport live =
                EmulatedDtuRig.certify(DtuDefect.IGNORES_RETRIEVAL, dir.resolve("store"), capture, new ArrayList<>());

        CertificationReport replay = Replay.of(capture);

        Catalogue catalogue = Catalogue.standard();
        for (CaseResult r : replay.results()) {
            CertCase c = catalogue.find(r.caseId()).orElseThrow();
            if (c.kind() == CertCase.Kind.ACTIVE) {
                assertThat(r.verdict()).as(r.caseId()).isEqualTo(Verdict.NOT_APPLICABLE);
            } else {
                assertThat(r.verdict()).as(r.caseId()).isEqualTo(live.verdictOf(r.caseId()));
            }
        }
        assertThat(replay.overall()).isEqualTo(Verdict.FAIL); // the retrieval cases fail from the capture alone
        Path json = ReportWriter.write(replay, dir.resolve("report"));
        assertThat(Files.readString(json)).contains("\"HIS-2061\"", "\"FAIL\"");
        assertThat(Files.readString(dir.resolve("report/certification.html"))).contains("HIS-2061", "NOT_APPLICABLE");
    }

    /** The device failed the cases of its defect and no other, and judged every case that applies. */
    private static void failsExactlyItsCases(CertificationReport report, String device, DtuDefect defect) {
        assertThat(ids(report, Verdict.FAIL))
                .as("failed cases of %s with %s; report:%n%s", device, defect, explain(report))
                .isEqualTo(EmulatedDtuRig.expectedFailures(defect));
        assertThat(ids(report, Verdict.INCONCLUSIVE))
                .as("inconclusive cases; report:%n%s", explain(report))
                .isEmpty();
    }

    /** Split messages the device sent, {@code "CN DataTime of PNUM"} to the PNOs seen, read from the raw frames. */
    private static Map<String, Set<Integer>> splitMessages(Path capture) throws Exception {
        Pattern packet = Pattern.compile(";CN=(\\d{4});.*;PNUM=(\\d+);PNO=(\\d+);.*DataTime=(\\d{14})");
        Map<String, Set<Integer>> out = new TreeMap<>();
        for (CaptureEntry entry : CaptureFormat.read(capture).entries()) {
            if (entry instanceof CaptureEntry.Bytes b && b.way() == CaptureEntry.Way.UP) {
                Matcher m = packet.matcher(b.bytes().toString());
                if (m.find()) {
                    out.computeIfAbsent(m.group(1) + " " + m.group(4) + " of " + m.group(2), k -> new TreeSet<>())
                            .add(Integer.parseInt(m.group(3)));
                }
            }
        }
        return out;
    }

    private static int total(String splitMessage) {
        return Integer.parseInt(splitMessage.substring(splitMessage.lastIndexOf(' ') + 1));
    }

    private static Set<Integer> numbers(int last) {
        return IntStream.rangeClosed(1, last).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static CaseResult result(CertificationReport r, String id) {
        return r.results().stream()
                .filter(c -> c.caseId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Verdict> verdicts(CertificationReport r) {
        Map<String, Verdict> out = new TreeMap<>();
        r.results().forEach(c -> out.put(c.caseId(), c.verdict()));
        return out;
    }

    private static Set<String> ids(CertificationReport r, Verdict v) {
        return r.results().stream()
                .filter(c -> c.verdict() == v)
                .map(CaseResult::caseId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String explain(CertificationReport r) {
        return r.results().stream()
                .map(c -> c.caseId() + " " + c.verdict() + " " + c.evidence())
                .collect(Collectors.joining("\n"));
    }
}
