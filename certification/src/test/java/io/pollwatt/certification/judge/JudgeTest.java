package io.pollwatt.certification.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.netty.FrameBytes;
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

    private CaseResult judged(String id, boolean live) {
        return new Judge(Catalogue.standard())
                .judge(new Capture(DTU, START, live, entries)).stream()
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
    void without_a_tester_acting_the_active_cases_do_not_apply_and_commands_are_inconclusive() {
        upload(0, 1, "20260301000001000", true);

        assertThat(judged("RTY-01", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(judged("RSD-01", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(judged("CMD-1011", false).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judged("CMD-3020", false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE); // not declared
    }
}
