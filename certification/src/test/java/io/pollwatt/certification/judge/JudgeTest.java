package io.pollwatt.certification.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Phase;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.ExeRtn;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Packet;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.QnRtn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.netty.FrameBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge on small hand-made conversations: 2011 uploads every 15 minutes, each acknowledged. */
class JudgeTest {

    private static final String MN = "010000A8900016F000169DC0";
    private static final Declaration DTU = Declaration.defaults(Profile.DTU_ELECTRICITY, MN, "123456");
    /** 00:00 local (Asia/Shanghai). */
    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    private final List<CaptureEntry> entries = new ArrayList<>();
    private Declaration declaration = DTU;

    /** A 2011 of {@code dataTime} (minutes after midnight) sent at that minute plus {@code delaySeconds}, acked. */
    private void upload(int minute, int delaySeconds, String qn, boolean ack) {
        LocalDateTime t = LocalDateTime.of(2026, 3, 1, 0, 0).plusMinutes(minute);
        Header h = Header.of(new Qn(qn), St.FLUE_GAS_PROCESS, Cn.REALTIME_DATA, "123456", MN, Flag.of(true, false));
        Hj212Message m = Hj212Message.of(
                h,
                Cp.of(
                        CpItem.of("DataTime", t.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))),
                        CpItem.of(new CpPair("g71301-Rtd", "12.500"), new CpPair("g71301-Flag", "N"))));
        long at = (minute * 60L + delaySeconds) * 1000;
        entries.add(new CaptureEntry.Bytes(at, 1, CaptureEntry.Way.UP, FrameBytes.copyOf(Hj212Codec.encode(m))));
        if (ack) {
            entries.add(new CaptureEntry.Bytes(
                    at + 5, 1, CaptureEntry.Way.DOWN, FrameBytes.copyOf(Hj212Codec.encode(Reply.dataAnswer(h)))));
        }
    }

    /**
     * Packet {@code pno} of {@code pnum} of the 2061 of 00:00 (one meter's power item per packet, so the packets
     * differ), sent at {@code atMs}, asking for an answer when live, not when retrieved.
     */
    private Header packet(int pno, int pnum, String qn, long atMs, boolean answerWanted) {
        Flag split = Flag.of(answerWanted, false).withSplit(true);
        Header h = Header.of(new Qn(qn), St.FLUE_GAS_PROCESS, Cn.HOUR_DATA, "123456", MN, split)
                .withPacket(Packet.of(pnum, pno));
        Hj212Message m = Hj212Message.of(
                h,
                Cp.of(
                        CpItem.of("DataTime", "20260301000000"),
                        CpItem.of(
                                new CpPair("g7130" + pno + "-Avg", "12.50"),
                                new CpPair("g7130" + pno + "-Flag", "N"))));
        entries.add(new CaptureEntry.Bytes(atMs, 1, CaptureEntry.Way.UP, FrameBytes.copyOf(Hj212Codec.encode(m))));
        return h;
    }

    private void down(long atMs, Hj212Message m) {
        entries.add(new CaptureEntry.Bytes(
                atMs, 1, CaptureEntry.Way.DOWN, FrameBytes.copyOf(Hj212Codec.encode(m, Direction.DOWN))));
    }

    private void phase(long fromMs, long toMs, Phase phase) {
        entries.add(new CaptureEntry.Event(fromMs, 0, CaptureEntry.Kind.PHASE_START, phase.id()));
        entries.add(new CaptureEntry.Event(toMs, 0, CaptureEntry.Kind.PHASE_END, phase.id()));
    }

    /** The tester's 9014 for {@code upload} with its CRC damaged, as the malformed-answer phase sends it. */
    private void damagedAck(long atMs, Header upload) {
        byte[] frame = Hj212Codec.encode(Reply.dataAnswer(upload), Direction.DOWN);
        frame[frame.length - 3] = (byte) (frame[frame.length - 3] == '0' ? '1' : '0'); // a CRC digit
        entries.add(new CaptureEntry.Bytes(atMs, 1, CaptureEntry.Way.DOWN, FrameBytes.copyOf(frame)));
    }

    private CaseResult judged(String id, boolean live) {
        return new Judge(Catalogue.standard())
                .judge(new Capture(declaration, START, live, entries)).stream()
                        .filter(r -> r.caseId().equals(id))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void a_regular_acknowledged_stream_passes_cadence_stop_and_wait_and_qn_cases() {
        upload(0, 1, "20260301000001000", true);
        upload(15, 1, "20260301001501000", true);
        upload(30, 2, "20260301003002000", true);

        assertThat(judged("CAD-01", true).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judged("SND-01", true).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judged("QN-02", true).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judged("RSD-02", true).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_skipped_grid_instant_and_a_late_record_fail_cadence() {
        upload(0, 1, "20260301000001000", true);
        upload(30, 1, "20260301003001000", true);
        upload(45, 600, "20260301005500000", true);

        CaseResult r = judged("CAD-01", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence())
                .anySatisfy(e -> assertThat(e).contains("1 grid instant(s) never sent"))
                .anySatisfy(e -> assertThat(e).contains("first arrived 600 s after its DataTime"));
    }

    @Test
    void a_record_taken_before_the_device_connected_is_not_late_for_cadence() {
        entries.add(new CaptureEntry.Event(600_000, 1, CaptureEntry.Kind.OPEN, "device"));
        upload(0, 660, "20260301001100000", true); // taken at 00:00, sent once connected at 00:10
        upload(15, 1, "20260301001501000", true);
        upload(30, 1, "20260301003001000", true);

        assertThat(judged("CAD-01", true).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void one_qn_on_two_different_records_fails_qn_uniqueness() {
        upload(0, 1, "20260301000001000", true);
        upload(15, 1, "20260301000001000", true);

        assertThat(judged("QN-02", true).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void an_acknowledged_record_sent_again_under_a_new_qn_fails_no_duplicates() {
        upload(0, 1, "20260301000001000", true);
        upload(0, 120, "20260301000200000", true);

        CaseResult r = judged("RSD-02", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence())
                .anySatisfy(e -> assertThat(e).contains("already acknowledged under QN 20260301000001000"));
    }

    @Test
    void a_device_that_sends_the_next_packet_after_a_damaged_answer_fails_malformed_answer() {
        // the next packet of the split record has the same CN and DataTime; it is not the damaged packet again
        entries.add(new CaptureEntry.Event(0, 1, CaptureEntry.Kind.OPEN, "device"));
        Header first = packet(1, 2, "20260301000000000", 1_000, true);
        damagedAck(1_005, first);
        Header second = packet(2, 2, "20260301000000001", 1_010, true);
        down(1_015, Reply.dataAnswer(second));
        phase(0, 60_000, Phase.MALFORMED_ANSWER);

        CaseResult r = judged("MAL-01", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("never sent again after the damaged answer"));
    }

    @Test
    void a_device_that_sends_the_damaged_packet_again_passes_malformed_answer() {
        entries.add(new CaptureEntry.Event(0, 1, CaptureEntry.Kind.OPEN, "device"));
        Header first = packet(1, 2, "20260301000000000", 1_000, true);
        damagedAck(1_005, first);
        packet(1, 2, "20260301000000000", 11_000, true); // the retry after OverTime
        down(11_005, Reply.dataAnswer(first));
        Header second = packet(2, 2, "20260301000000001", 11_010, true);
        down(11_015, Reply.dataAnswer(second));
        phase(0, 60_000, Phase.MALFORMED_ANSWER);

        assertThat(judged("MAL-01", true).verdict()).isEqualTo(Verdict.PASS);
    }

    /** A live 2061 of 00:00 in two packets, acknowledged, and the tester's retrieval of it. */
    private Header liveSplitHourThenRetrieval() {
        down(900, Reply.dataAnswer(packet(1, 2, "20260301000000000", 800, true)));
        down(1_000, Reply.dataAnswer(packet(2, 2, "20260301000000001", 950, true)));
        Header request = Header.of(
                new Qn("20260301003000000"), St.FLUE_GAS_PROCESS, Cn.HOUR_DATA, "123456", MN, Flag.of(true, false));
        down(
                1_800_000,
                Hj212Message.of(
                        request,
                        Cp.of(CpItem.of("BeginTime", "20260301000000"), CpItem.of("EndTime", "20260301000000"))));
        entries.add(new CaptureEntry.Bytes(
                1_800_010,
                1,
                CaptureEntry.Way.UP,
                FrameBytes.copyOf(Hj212Codec.encode(Reply.requestAnswer(request, QnRtn.READY)))));
        return request;
    }

    private void done(long atMs, Header request) {
        entries.add(new CaptureEntry.Bytes(
                atMs,
                1,
                CaptureEntry.Way.UP,
                FrameBytes.copyOf(Hj212Codec.encode(Reply.executionResult(request, ExeRtn.SUCCESS)))));
    }

    @Test
    void a_split_record_retrieved_packet_by_packet_passes_retrieval() {
        Header request = liveSplitHourThenRetrieval();
        packet(1, 2, "20260301003000001", 1_800_020, false);
        packet(2, 2, "20260301003000002", 1_800_030, false);
        done(1_800_040, request);

        CaseResult r = judged("HIS-2061", true);

        assertThat(r.verdict()).as("%s", r.evidence()).isEqualTo(Verdict.PASS);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("1 returned in 2 frame(s)"));
    }

    @Test
    void a_split_record_retrieved_without_its_last_packet_fails_retrieval() {
        Header request = liveSplitHourThenRetrieval();
        packet(1, 2, "20260301003000001", 1_800_020, false);
        done(1_800_040, request);

        CaseResult r = judged("HIS-2061", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("values differ from the live record"));
    }

    /** The DTU declaring that it splits messages, so PKT-01 applies. */
    private void declarePacketisation() {
        declaration = new Declaration(
                DTU.profile(),
                DTU.mn(),
                DTU.pw(),
                DTU.zone(),
                DTU.supportedCns(),
                DTU.rtdInterval(),
                DTU.overTime(),
                DTU.reCount(),
                true,
                DTU.cadenceTolerance(),
                DTU.hourAverage());
    }

    @Test
    void a_complete_split_message_with_a_qn_per_packet_passes_packets() {
        declarePacketisation();
        down(900, Reply.dataAnswer(packet(1, 2, "20260301000000000", 800, true)));
        packet(2, 2, "20260301000000001", 950, true);
        packet(2, 2, "20260301000000001", 10_950, true); // a retry repeats its QN

        CaseResult r = judged("PKT-01", true);

        assertThat(r.verdict()).as("%s", r.evidence()).isEqualTo(Verdict.PASS);
        assertThat(r.evidence()).contains("1 split message(s) seen");
    }

    @Test
    void packets_counted_from_zero_fail_packets_naming_the_frame_no_decoding_accepts() {
        declarePacketisation();
        packet(1, 2, "20260301000000000", 800, true);
        // PNO 0, 1 of PNUM 2 (a C-style index): the Packet record cannot be built, so rewrite the wire text
        String first = new String(Hj212Codec.encode(lastMessage()), StandardCharsets.US_ASCII);
        String segment = first.substring(6, first.length() - 6).replace(";PNO=1;", ";PNO=0;");
        entries.set(
                entries.size() - 1,
                new CaptureEntry.Bytes(
                        800,
                        1,
                        CaptureEntry.Way.UP,
                        FrameBytes.copyOf(FrameWriter.frame(segment.getBytes(StandardCharsets.US_ASCII)))));
        packet(1, 2, "20260301000000001", 950, true);

        CaseResult r = judged("PKT-01", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence())
                .anySatisfy(e -> assertThat(e).contains("frame #0").contains("BAD_PACKET_FIELDS"))
                .anySatisfy(e -> assertThat(e).contains("packets [1] received"));
        assertThat(judged("FRM-01", true).verdict()).isEqualTo(Verdict.PASS); // PKT-01's to judge
    }

    @Test
    void two_packets_of_one_message_under_one_qn_fail_packets() {
        declarePacketisation();
        packet(1, 2, "20260301000000000", 800, true);
        packet(2, 2, "20260301000000000", 950, true);

        CaseResult r = judged("PKT-01", true);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e).contains("packets 1 and 2 share QN 20260301000000000"));
    }

    /** The message of the last frame added. */
    private Hj212Message lastMessage() {
        CaptureEntry.Bytes b = (CaptureEntry.Bytes) entries.get(entries.size() - 1);
        return ((io.pollwatt.hj212.codec.Decoded.Ok)
                        Hj212Codec.strict().decode(b.bytes().toByteArray(), Direction.UP))
                .message();
    }

    @Test
    void without_a_tester_acting_the_active_cases_do_not_apply_and_commands_are_inconclusive() {
        upload(0, 1, "20260301000001000", true);

        assertThat(judged("RTY-01", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(judged("RSD-01", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(judged("CMD-1011", false).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judged("CMD-3020", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE); // not declared
    }
}
