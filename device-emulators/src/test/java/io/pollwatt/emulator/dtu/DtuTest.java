package io.pollwatt.emulator.dtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.device.DtuDefect;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Scheduler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.device.SimTime;
import io.pollwatt.emulator.device.TestPlatform;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.ExeRtn;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.QnRtn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtuTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-02-28T16:00:00Z"); // 00:00 local
    private static final String MN = "010000A8900016F000169DC0";

    @TempDir
    Path dir;

    private SimTime time;
    private TestPlatform platform;
    private Dtu dtu;
    private RecordStore store;
    /** The DTU's time: the virtual scheduler itself unless a test makes it run late. */
    private Duration lateness = Duration.ZERO;
    /** The DTU's deliberate defect, none unless a test gives it one. */
    private DtuDefect defect = DtuDefect.NONE;

    private void setUp(boolean mnDelivered, double loss) {
        setUp(mnDelivered, loss, Duration.ofDays(30));
    }

    private void setUp(boolean mnDelivered, double loss, Duration retention) {
        setUp(mnDelivered, loss, retention, Set.of("p"));
    }

    private void setUp(boolean mnDelivered, double loss, Duration retention, Set<String> platforms) {
        time = new SimTime(T0);
        Seeds seeds = new Seeds(11);
        Enterprise e = PopulationGenerator.enterprise("E1", 6, seeds.streamFor("population/E1"));
        Twin twin = new Twin(e, List.of(), seeds, ZONE, T0);
        time.scheduler.every(T0, Duration.ofMinutes(1), () -> twin.advanceTo(time.now()));
        List<Dtu.MeterBinding> meters = new ArrayList<>();
        int n = 1;
        for (Facility f : e.facilities()) {
            LoraLink.Config link = new LoraLink.Config(9, loss, 1.0, 0, Duration.ZERO, Duration.ofMillis(20));
            meters.add(new Dtu.MeterBinding(n++, f.id(), new LoraLink(link, seeds.streamFor("lora/" + f.id()))));
        }
        store = RecordStore.open(dir, retention, platforms);
        dtu = new Dtu(
                new FieldDevice.Identity(
                        MN,
                        "000000000000000000000000",
                        mnDelivered,
                        "123456",
                        St.FLUE_GAS_PROCESS,
                        Duration.ofSeconds(900),
                        ZONE),
                FactorCodeTable.pollwattDefault(),
                meters,
                id -> twin.samples().stream()
                        .filter(s -> s.pointId().equals(id))
                        .findFirst()
                        .orElseThrow(),
                store,
                lateness.isZero() ? time : overslept(lateness));
        dtu.inject(defect);
        platform = new TestPlatform(time);
        platform.sender = dtu.connect("p", platform, Sender.Settings.defaults());
        dtu.start();
    }

    /** The 2011 uploads received. */
    private List<DataUpload> uploads() {
        return uploads(Cn.REALTIME_DATA);
    }

    private List<DataUpload> uploads(Cn cn) {
        return platform.received.stream()
                .filter(m -> m instanceof DataUpload && m.cn().is(cn))
                .map(m -> (DataUpload) m)
                .toList();
    }

    @Test
    void uploads_2011_records_on_the_quarter_hour_grid_all_strict_and_acknowledged() {
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofHours(2).plusMinutes(1));
        assertThat(platform.rejected).isEmpty();
        List<String> times =
                uploads().stream().map(DataUpload::dataTimeText).distinct().toList();
        assertThat(times)
                .containsExactly(
                        "20260301001500",
                        "20260301003000",
                        "20260301004500",
                        "20260301010000",
                        "20260301011500",
                        "20260301013000",
                        "20260301014500",
                        "20260301020000");
        assertThat(uploads()).allSatisfy(u -> {
            assertThat(u.cn().is(Cn.REALTIME_DATA)).isTrue();
            assertThat(u.header().flag().answerWanted()).isTrue();
            assertThat(u.mn()).isEqualTo(MN);
        });
        assertThat(platform.sender.stats().acked())
                .isEqualTo(platform.sender.stats().sent());
    }

    /** A scheduler that runs every action {@code late} after it was due, as a loaded machine does in scaled time. */
    private Scheduler overslept(Duration late) {
        return new Scheduler() {
            @Override
            public Instant now() {
                return time.now();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable action) {
                return time.schedule(delay.plus(late), action);
            }
        };
    }

    @Test
    void a_scheduler_running_late_catches_up_every_grid_instant_instead_of_skipping() {
        lateness = Duration.ofMinutes(40);
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofHours(12));
        List<LocalDateTime> times =
                uploads().stream().map(DataUpload::dataTime).distinct().sorted().toList();
        assertThat(times).hasSizeGreaterThan(8);
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i))
                    .isEqualTo(LocalDateTime.of(2026, 3, 1, 0, 15).plusMinutes(15L * i));
        }
    }

    @Test
    void a_device_never_given_its_mn_sends_the_factory_default() {
        setUp(false, 0);
        time.scheduler.runFor(Duration.ofMinutes(16));
        assertThat(uploads()).isNotEmpty().allSatisfy(u -> assertThat(u.mn()).isEqualTo("000000000000000000000000"));
    }

    @Test
    void lost_lora_polls_are_marked_b_not_invented() {
        setUp(true, 0.5);
        time.scheduler.runFor(Duration.ofHours(3));
        long flaggedB = uploads().stream()
                .flatMap(u -> u.factors().stream())
                .filter(f -> f.flagLetter().filter("B"::equals).isPresent())
                .peek(f -> assertThat(f.rtd()).isEmpty())
                .count();
        assertThat(flaggedB).isEqualTo(dtu.lostPolls()).isPositive();
    }

    private List<Hj212Message> command(Cn cn, String pw, Cp cp) {
        // the platform stamped it a little earlier
        return command(LocalDateTime.ofInstant(time.now(), ZONE).minusSeconds(2), cn, pw, cp);
    }

    private List<Hj212Message> command(LocalDateTime qn, Cn cn, String pw, Cp cp) {
        int before = platform.received.size();
        Header h = Header.of(Qn.of(qn), St.FLUE_GAS_PROCESS, cn, pw, MN, Flag.of(true, false));
        byte[] frame = Hj212Codec.encode(Hj212Message.of(h, cp), Direction.DOWN);
        dtu.onFrame("p", Hj212Codec.strict().decode(frame, Direction.DOWN));
        return List.copyOf(platform.received.subList(before, platform.received.size()));
    }

    @Test
    void answers_get_time_set_interval_and_refuses_a_wrong_password() {
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofMinutes(1));
        List<Hj212Message> getTime = command(Cn.DEVICE_TIME, "123456", Cp.EMPTY);
        assertThat(getTime).hasSize(3);
        assertThat(((Reply) getTime.get(0)).qnRtn()).contains(QnRtn.READY);
        assertThat(((Command) getTime.get(1)).systemTime()).contains(LocalDateTime.of(2026, 3, 1, 0, 1));
        assertThat(((Reply) getTime.get(2)).exeRtn()).contains(ExeRtn.SUCCESS);
        assertThat(getTime)
                .allSatisfy(m -> assertThat(m.header().qn())
                        .isEqualTo(getTime.get(0).header().qn()));

        List<Hj212Message> wrongPw =
                command(Cn.SET_REALTIME_INTERVAL, "999999", Cp.of(CpItem.of("RtdInterval", "300")));
        assertThat(wrongPw).hasSize(1);
        assertThat(((Reply) wrongPw.get(0)).qnRtn()).contains(QnRtn.WRONG_PW);

        command(Cn.SET_REALTIME_INTERVAL, "123456", Cp.of(CpItem.of("RtdInterval", "300")));
        time.scheduler.runFor(Duration.ofMinutes(30));
        List<String> times =
                uploads().stream().map(DataUpload::dataTimeText).distinct().toList();
        assertThat(times).contains("20260301002000", "20260301002500"); // every 5 minutes after the first poll
    }

    @Test
    void a_drifting_clock_stamps_its_records_wrong_until_the_platform_sets_the_time() {
        setUp(true, 0);
        dtu.setClockOffset(Duration.ofMinutes(20));
        time.scheduler.runFor(Duration.ofMinutes(16));
        assertThat(uploads().get(0).dataTimeText()).isEqualTo("20260301003500"); // 00:15 + 20 min
        command(Cn.SET_DEVICE_TIME, "123456", Cp.of(CpItem.of("SystemTime", "20260301001600")));
        time.scheduler.runFor(Duration.ofMinutes(15));
        assertThat(uploads().get(uploads().size() - 1).dataTimeText()).isEqualTo("20260301003000");
    }

    @Test
    void an_outage_longer_than_the_store_loses_exactly_the_oldest_records_and_says_so() {
        // a 2-day store and a 3-day outage stand for the 30-day store and a 31-day outage
        setUp(true, 0, Duration.ofDays(2));
        Instant back = T0.plus(Duration.ofDays(3));
        platform.down = t -> t.isBefore(back);
        time.scheduler.at(back, platform.sender::linkUp);
        time.scheduler.runFor(Duration.ofDays(3).plusHours(2).plusMinutes(10)); // ends between two polls, settled
        List<io.pollwatt.emulator.store.RecordStore.Dropped> dropped = dtu.dropped();
        assertThat(dropped).isNotEmpty();
        // every record built was either delivered or reported dropped, none both: the loss is exactly known
        assertThat(dropped.get(0).firstDataTime()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        int droppedCount = dropped.stream()
                .mapToInt(io.pollwatt.emulator.store.RecordStore.Dropped::count)
                .sum();
        long delivered =
                platform.received.stream().filter(m -> m instanceof DataUpload).count();
        assertThat(platform.rejected).isEmpty();
        assertThat(store.unsentCount("p")).isZero();
        assertThat(droppedCount + delivered).isEqualTo(dtu.recordsBuilt());
    }

    @Test
    void a_clock_a_few_seconds_behind_still_closes_the_hour_on_the_whole_hour() {
        setUp(true, 0);
        dtu.setClockOffset(Duration.ofSeconds(-2)); // as a 1012 over a slow link leaves it
        time.scheduler.runFor(Duration.ofHours(2).plusMinutes(1));
        assertThat(uploads().get(0).dataTimeText()).isEqualTo("20260301001458");
        assertThat(uploads(Cn.HOUR_DATA))
                .extracting(DataUpload::dataTimeText)
                .containsExactly("20260301000000", "20260301010000");
    }

    @Test
    void interval_hour_and_day_records_carry_the_energy_and_add_up() {
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofDays(1).plusMinutes(1));
        assertThat(platform.rejected).isEmpty();
        List<DataUpload> minutes = uploads(Cn.MINUTE_DATA);
        List<DataUpload> hours = uploads(Cn.HOUR_DATA);
        List<DataUpload> days = uploads(Cn.DAY_DATA);
        assertThat(minutes).hasSize(95); // 00:15 .. 23:45 interval starts (the first poll has no interval)
        assertThat(minutes.get(0).dataTimeText()).isEqualTo("20260301001500");
        assertThat(hours)
                .extracting(DataUpload::dataTimeText)
                .startsWith("20260301000000", "20260301010000")
                .hasSize(24);
        assertThat(days).extracting(DataUpload::dataTimeText).containsExactly("20260301000000");
        // meter 2's 2051 energies of 10:00-11:00 add up to its 2061 of 10:00, which equals the register difference
        double quarterSum = minutes.stream()
                .filter(m -> m.dataTimeText().startsWith("2026030110"))
                .mapToDouble(m ->
                        m.factor("g71802").orElseThrow().cou().orElseThrow().doubleValue())
                .sum();
        DataUpload hour10 = hours.stream()
                .filter(h -> h.dataTimeText().equals("20260301100000"))
                .findFirst()
                .orElseThrow();
        assertThat(hour10.factor("g71802").orElseThrow().cou().orElseThrow().doubleValue())
                .isCloseTo(quarterSum, org.assertj.core.api.Assertions.within(0.05));
        double registerAt10 = register(uploads(), "20260301100000", "g71802");
        double registerAt11 = register(uploads(), "20260301110000", "g71802");
        assertThat(quarterSum).isCloseTo(registerAt11 - registerAt10, org.assertj.core.api.Assertions.within(0.05));
    }

    /** A factor's -Rtd in the 2011 record of {@code dataTime}, whichever packet carries it. */
    private static double register(List<DataUpload> realtime, String dataTime, String code) {
        return realtime.stream()
                .filter(u -> u.dataTimeText().equals(dataTime))
                .flatMap(u -> u.factor(code).stream())
                .findFirst()
                .orElseThrow()
                .rtd()
                .orElseThrow()
                .doubleValue();
    }

    @Test
    void history_requests_are_served_from_the_store_each_record_a_new_qn() {
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofHours(3).plusMinutes(1));
        List<Hj212Message> answer = command(
                Cn.HOUR_DATA,
                "123456",
                Cp.of(CpItem.of(
                        new io.pollwatt.hj212.message.CpPair("BeginTime", "20260301010000"),
                        new io.pollwatt.hj212.message.CpPair("EndTime", "20260301020000"))));
        assertThat(((Reply) answer.get(0)).qnRtn()).contains(QnRtn.READY);
        List<DataUpload> records = answer.stream()
                .filter(m -> m instanceof DataUpload)
                .map(m -> (DataUpload) m)
                .toList();
        assertThat(records).extracting(DataUpload::dataTimeText).containsExactly("20260301010000", "20260301020000");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.cn().is(Cn.HOUR_DATA)).isTrue();
            assertThat(r.header().flag().answerWanted()).isFalse();
            assertThat(r.header().qn()).isNotEqualTo(answer.get(0).header().qn());
        });
        assertThat(((Reply) answer.get(answer.size() - 1)).exeRtn()).contains(ExeRtn.SUCCESS);
        List<Hj212Message> none = command(
                Cn.DAY_DATA,
                "123456",
                Cp.of(CpItem.of(
                        new io.pollwatt.hj212.message.CpPair("BeginTime", "20250101000000"),
                        new io.pollwatt.hj212.message.CpPair("EndTime", "20250102000000"))));
        assertThat(((Reply) none.get(none.size() - 1)).exeRtn()).contains(ExeRtn.NO_DATA);
    }

    @Test
    void a_returned_record_never_takes_the_qn_of_the_request_even_when_stamped_in_the_same_millisecond() {
        setUp(true, 0);
        time.scheduler.runFor(Duration.ofHours(1).plusMinutes(1));
        // the device's next QN is its clock's current millisecond: stamp the request with exactly that
        LocalDateTime now = LocalDateTime.ofInstant(time.now(), ZONE);
        List<Hj212Message> answer = command(
                now,
                Cn.MINUTE_DATA,
                "123456",
                Cp.of(CpItem.of(
                        new io.pollwatt.hj212.message.CpPair("BeginTime", "20260301003000"),
                        new io.pollwatt.hj212.message.CpPair("EndTime", "20260301004500"))));
        List<DataUpload> records = answer.stream()
                .filter(m -> m instanceof DataUpload)
                .map(m -> (DataUpload) m)
                .toList();
        assertThat(records)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.header().qn()).isNotEqualTo(Qn.of(now)));
        assertThat(records).extracting(r -> r.header().qn()).doesNotHaveDuplicates();
    }

    @Test
    void a_dtu_that_drops_the_last_packet_never_stores_nor_sends_it_though_pnum_counts_it() {
        defect = DtuDefect.DROPS_LAST_PACKET;
        setUp(true, 0); // six meters: every 2011 record is split
        time.scheduler.runFor(Duration.ofMinutes(16));
        List<DataUpload> packets = uploads();
        assertThat(packets)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.header().packet()).isNotNull());
        int pnum = packets.get(0).header().packet().total();
        assertThat(pnum).isGreaterThan(1);
        assertThat(packets)
                .allSatisfy(u -> assertThat(u.header().packet().total()).isEqualTo(pnum))
                .extracting(u -> u.header().packet().number())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(1, pnum).boxed().toList());
        assertThat(platform.rejected).isEmpty();
        // nothing is left to resend: the packet was never stored
        assertThat(store.unsentCount("p")).isZero();
        assertThat(dtu.recordsBuilt()).isEqualTo(pnum - 1L);
    }

    @Test
    void one_dtu_uploads_to_two_platforms_each_with_its_own_cursor() {
        setUp(true, 0, Duration.ofDays(30), Set.of("p", "q"));
        TestPlatform second = new TestPlatform(time);
        second.down = t -> t.isBefore(T0.plus(Duration.ofHours(2)));
        second.sender = dtu.connect("q", second, Sender.Settings.defaults());
        time.scheduler.at(T0.plus(Duration.ofHours(2)), second.sender::linkUp);
        time.scheduler.runFor(Duration.ofHours(3).plusMinutes(10));
        assertThat(store.unsentCount("p")).isZero();
        assertThat(store.unsentCount("q")).isZero();
        assertThat(second.received).hasSameSizeAs(platform.received);
    }

    @Test
    void a_device_asks_for_time_calibration_with_1013() {
        setUp(true, 0);
        dtu.requestTimeCalibration("p");
        Hj212Message request = platform.received.get(platform.received.size() - 1);
        assertThat(request.cn().is(Cn.TIME_CALIBRATION_REQUEST)).isTrue();
        assertThat(request.header().answerWanted()).isTrue();
    }
}
