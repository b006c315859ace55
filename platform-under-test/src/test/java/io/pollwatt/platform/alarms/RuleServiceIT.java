package io.pollwatt.platform.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.ingest.MutableClock;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules over stored data: records arrive (as the ingest stores them), the service re-evaluates on the platform's
 * clock and keeps one alarm per episode; late data update or retract it; a re-run over the range changes nothing;
 * review is kept.
 */
class RuleServiceIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 0, 0);
    private static final String MN = "0100000000000000000000A1";
    private static final String SITE = """
            id: E1
            name: 测试印染
            district: 临平区
            industry: 纺织
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}, limits: {pOnKw: 5, pRefKw: 100}}
              - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 200/5}, limits: {pOnKw: 10, pRefKw: 50}}
              - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, limits: {pOnKw: 2, pRefKw: 20}}
            groups:
              - {id: G1, members: [T1], required: 1}
            associations:
              - {production: [P1], groups: G1}
            devices:
              - {mn: "0100000000000000000000A1", pw: "123456", points: [M1, P1, T1]}
            """;

    @TempDir
    Path dataDir;

    private Database db;
    private MutableClock clock;
    private RuleService rules;

    /** The platform's clock at local time {@code t}. */
    private void at(LocalDateTime t) {
        clock.set(t.atZone(ZONE).toInstant());
    }

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.open(dataDir);
        clock = new MutableClock(DAY.minusDays(1).atZone(ZONE).toInstant());
        ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
        archive.importArchive(ArchiveReader.parse("E1.yaml", SITE));
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("select pollwatt_month_partition('record', timestamp '2026-03-01', false)");
        }
        rules = new RuleService(
                db.dataSource(),
                archive,
                new RuleLoader(db.dataSource(), FactorCodes.pollwattDefault(), AggregationSettings.defaults()),
                RuleConfig.defaults(),
                Catalogue.engine(),
                clock);
    }

    @AfterEach
    void stop() {
        db.close();
        TestDatabases.discard(dataDir);
    }

    /**
     * Stores the realtime record of instant k of the day with P of M1, P1, T1 and tells the service; received at the
     * platform's clock, or at its DataTime if that is later (the tests store a day's records before they move the
     * clock; no device sends a record before it takes it).
     */
    private void record(int k, double p1, double t1) throws Exception {
        LocalDateTime at = DAY.plusMinutes(15L * k);
        record(at, k, p1, t1, receivedNoEarlierThan(at));
    }

    private java.time.Instant receivedNoEarlierThan(LocalDateTime dataTime) {
        java.time.Instant t = dataTime.atZone(ZONE).toInstant();
        return clock.instant().isAfter(t) ? clock.instant() : t;
    }

    /** As {@link #record(int, double, double)}, stamped {@code at} by the device's clock, received at {@code r}. */
    private void record(LocalDateTime at, int k, double p1, double t1, java.time.Instant r) throws Exception {
        // real meters never read the same value twice in a row for long (DQ-12 would say frozen)
        p1 = p1 > 0 ? p1 + (k % 4) * 0.1 : 0;
        t1 = t1 > 0 ? t1 + (k % 3) * 0.1 : 0;
        String cp = String.format(
                java.util.Locale.ROOT,
                "{\"g71301-Rtd\":\"%.1f\",\"g71302-Rtd\":\"%.1f\",\"g71302-Flag\":\"N\",\"g71303-Rtd\":\"%.1f\"}",
                p1 + t1 + 5 + (k % 5) * 0.1,
                p1,
                t1);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("insert into record (mn, cn, data_time, cp, received_at)"
                        + " values (?, '2011', ?, ?::jsonb, ?)")) {
            ps.setString(1, MN);
            ps.setObject(2, at);
            ps.setString(3, cp);
            ps.setTimestamp(4, Timestamp.from(r));
            ps.executeUpdate();
        }
        rules.stored(MN, at);
    }

    /** Production from 02:00 to 06:00; treatment on with it except 03:00–04:00 (k = 12…15), unless {@code gap}. */
    private void day(int from, int to, boolean treatmentOff) throws Exception {
        for (int k = from; k < to; k++) {
            boolean producing = k >= 8 && k < 24;
            boolean off = treatmentOff && k >= 12 && k < 16;
            record(k, producing ? 50 : 0, producing && !off ? 20 : 0);
        }
    }

    private List<Alarm> alarms() throws Exception {
        return rules.alarms().list(AlarmQuery.of("E1"));
    }

    @Test
    void anEpisodeIsOneAlarmThatOpensUpdatesAndCloses() throws Exception {
        // data arrive live, the platform evaluating every 15 minutes
        for (int k = 0; k < 32; k++) {
            day(k, k + 1, true);
            at(DAY.plusMinutes(15L * k + 5));
            rules.tick();
            if (k == 12) {
                assertThat(alarms()).isEmpty(); // one sample is not 30 min
            }
            if (k == 13) {
                assertThat(alarms()).singleElement().satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("ALM-01");
                    assertThat(a.status()).isEqualTo(Alarm.Status.OPEN);
                    assertThat(a.start()).isEqualTo(DAY.plusHours(3));
                    assertThat(a.raisedAt()).isEqualTo(DAY.plusHours(3).plusMinutes(15));
                    assertThat(a.detectedLate()).isFalse();
                });
            }
        }
        assertThat(alarms()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Alarm.Status.CLOSED);
            assertThat(a.closingReason()).isEqualTo("ended");
            assertThat(a.end()).isEqualTo(DAY.plusHours(4));
            assertThat(a.subtype()).isEqualTo("midRun");
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.points()).containsExactly("P1");
            assertThat(a.evidence()).containsKeys("production", "group", "config");
        });
        // nothing new and no grid instant passed: the next round has nothing to judge
        assertThat(rules.tick().enterprises()).isZero();
        long id = alarms().get(0).id();
        assertThat(rules.alarms().events(id)).extracting(Alarm.Event::kind).containsExactly("OPENED", "CLOSED");

        // replaying the stored day finds the same alarm and changes nothing
        RuleService.Summary rerun = rules.rerun(DAY, DAY.plusDays(1), Optional.empty());
        assertThat(rerun.changes().opened()).isZero();
        assertThat(rerun.changes().closed()).isZero();
        assertThat(rerun.changes().updated()).isZero();
        assertThat(alarms()).hasSize(1);

        Alarm reviewed = rules.alarms()
                .review(id, Alarm.Review.CONFIRMED, "风机停机已核实", "inspector-7")
                .orElseThrow();
        assertThat(reviewed.review()).isEqualTo(Alarm.Review.CONFIRMED);
        assertThat(reviewed.reviewer()).isEqualTo("inspector-7");
        assertThat(rules.alarms().events(id)).extracting(Alarm.Event::kind).endsWith("REVIEWED");
    }

    @Test
    void theMultiDayRulesJudgeADayOnceItsClosingRecordsHaveCome() throws Exception {
        // DQ-16(a) over two days, more than the short evaluations' warm-up shows: the treatment meter reads half the
        // production circuit (§10 row 22, scaled down)
        rules = new RuleService(
                db.dataSource(),
                new ArchiveRegistry(db.dataSource(), clock),
                new RuleLoader(db.dataSource(), FactorCodes.pollwattDefault(), AggregationSettings.defaults()),
                RuleConfig.of(java.util.Map.of("dq.wrongCircuitDays", "2")),
                Catalogue.engine(),
                clock);
        for (int k = -96; k < 96; k++) {
            boolean producing = Math.floorMod(k, 96) >= 8 && Math.floorMod(k, 96) < 24;
            record(k, producing ? 50 : 0, producing ? 25 : 0);
        }
        at(DAY.plusHours(23).plusMinutes(50));
        rules.tick();
        // the first tick of the next day: the 24:00 records are still on their way, the day is not closed
        at(DAY.plusDays(1));
        rules.tick();
        assertThat(alarms()).noneMatch(a -> a.ruleId().equals("DQ-16"));
        // they come before the next grid instant: the day closes, and the day's multi-day judgement is due now
        record(96, 0, 0);
        rules.tick();
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("DQ-16"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subtype()).isEqualTo("sameTimingAsProduction");
                    assertThat(a.points()).containsExactly("T1");
                    assertThat(a.start()).isEqualTo(DAY.minusDays(1));
                    assertThat(a.raisedAt()).isEqualTo(DAY.plusDays(1));
                });
    }

    @Test
    void recordsStampedAheadOfTheirReceiptAreDq18FutureWheneverTheRulesRun() throws Exception {
        // the DTU's clock runs 15 minutes fast from 02:00 to 04:00: each record reaches the platform 15 minutes
        // before its DataTime; the corrected 04:00 record is a duplicate of the fast one and is dropped
        for (int k = 0; k < 32; k++) {
            boolean fast = k >= 8 && k < 16;
            if (k == 16) {
                continue;
            }
            at(DAY.plusMinutes(15L * k).plusSeconds(2));
            record(DAY.plusMinutes(15L * k + (fast ? 15 : 0)), k, 0, 0, clock.instant());
        }
        // judged hours later, when every DataTime is long past the platform's clock
        at(DAY.plusHours(9));
        rules.tick();
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("DQ-18"))
                .hasSize(3)
                .allSatisfy(a -> {
                    assertThat(a.subtype()).isEqualTo("future");
                    assertThat(a.start()).isEqualTo(DAY.plusHours(2));
                    assertThat(a.end()).isEqualTo(DAY.plusHours(4).plusMinutes(15));
                    assertThat(a.evidence()).containsEntry("count", 8);
                })
                .extracting(Alarm::key)
                .containsExactlyInAnyOrder("M1", "P1", "T1");
    }

    @Test
    void lateDataOpenAnAlarmDetectedLate() throws Exception {
        // the device is cut off from 02:45 to 06:00; what it kept arrives at 07:00
        day(0, 11, true);
        at(DAY.plusHours(6));
        rules.tick();
        assertThat(alarms()).noneMatch(a -> a.ruleId().equals("ALM-01"));
        day(11, 32, true);
        at(DAY.plusHours(7));
        rules.tick();
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("ALM-01"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.detectedLate()).isTrue();
                    assertThat(a.start()).isEqualTo(DAY.plusHours(3));
                    assertThat(a.status()).isEqualTo(Alarm.Status.CLOSED);
                });
    }

    @Test
    void lateDataThatShowNoEpisodeRetractTheAlarm() throws Exception {
        // the treatment's meter reads 0 from 03:00 (a wrong value, later corrected by the device's resend)
        day(0, 14, true);
        at(DAY.plusHours(3).plusMinutes(20));
        rules.tick();
        assertThat(alarms())
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(Alarm.Status.OPEN));
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update record set cp = jsonb_set(cp, '{g71303-Rtd}', to_jsonb((20 + extract(minute from"
                                + " data_time) / 100.0)::text)) where data_time >= ?")) {
            ps.setObject(1, DAY.plusHours(3));
            ps.executeUpdate();
        }
        rules.stored(MN, DAY.plusHours(3));
        rules.tick();
        // (T1's corrected readings are not in M1's: DQ-11 says so, rightly)
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("ALM-01"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(Alarm.Status.CLOSED);
                    assertThat(a.closingReason()).isEqualTo("retracted");
                });
    }

    @Test
    void aLongEpisodeRisesInLevelAsItLasts() throws Exception {
        for (int k = 0; k < 96; k++) {
            boolean producing = k >= 8 && k < 60; // 02:00-15:00, treatment never on
            record(k, producing ? 50 : 0, 0);
        }
        at(DAY.plusHours(4).plusMinutes(5));
        rules.tick();
        assertThat(alarms())
                .singleElement()
                .satisfies(a -> assertThat(a.level()).isEqualTo(2));
        at(DAY.plusDays(1));
        rules.tick();
        assertThat(alarms()).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(1);
            assertThat(a.status()).isEqualTo(Alarm.Status.CLOSED);
            assertThat(a.subtype()).isEqualTo("notStarted");
            assertThat(a.end()).isEqualTo(DAY.plusHours(15));
        });
        assertThat(rules.alarms()
                        .list(new AlarmQuery(
                                "E1", "ALM-01", 1, Alarm.Status.CLOSED, null, DAY, DAY.plusDays(1), 10, 0)))
                .hasSize(1);
        assertThat(rules.alarms().list(new AlarmQuery("E1", "ALM-02", null, null, null, null, null, 10, 0)))
                .isEmpty();
    }

    @Test
    void recordsArrivingBeyondTheDevicesRetentionAreFlaggedDq19() throws Exception {
        day(0, 96, false);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update record set received_at = ? where data_time >= ? and data_time < ?")) {
            ps.setTimestamp(1, Timestamp.from(DAY.plusDays(40).atZone(ZONE).toInstant()));
            ps.setObject(2, DAY.plusHours(1));
            ps.setObject(3, DAY.plusHours(2));
            ps.executeUpdate();
        }
        at(DAY.plusDays(40));
        rules.rerun(DAY, DAY.plusDays(1), Optional.of("E1"));
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("DQ-19"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.start()).isEqualTo(DAY.plusHours(1));
                    assertThat(a.end()).isEqualTo(DAY.plusHours(2));
                    assertThat(a.evidence()).containsEntry("records", 4);
                });
    }

    private void insert(String cn, LocalDateTime at, String cp) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into record (mn, cn, data_time, cp, received_at)" + " values (?, ?, ?, ?::jsonb, ?)")) {
            ps.setString(1, MN);
            ps.setString(2, cn);
            ps.setObject(3, at);
            ps.setString(4, cp);
            ps.setTimestamp(5, Timestamp.from(receivedNoEarlierThan(at)));
            ps.executeUpdate();
        }
    }

    @Test
    void deviceSentHourlyTotalsAreComparedWithThePlatformsHourDq20() throws Exception {
        // P1 at 40 kW with its register: E_H = 10.00 kWh, E_D = 240.00 kWh
        for (int k = 0; k <= 96; k++) {
            insert(
                    "2011",
                    DAY.plusMinutes(15L * k),
                    String.format(
                            java.util.Locale.ROOT,
                            "{\"g71302-Rtd\":\"%.1f\",\"g71802-Rtd\":\"%.2f\"}",
                            40 + (k % 4) * 0.1,
                            1000 + 2.5 * k));
        }
        insert("2061", DAY.plusHours(3), "{\"g71802-Cou\":\"10.50\"}"); // the device says 10.50
        insert("2061", DAY.plusHours(4), "{\"g71802-Cou\":\"10.01\"}"); // within 2 steps
        insert("2031", DAY, "{\"g71802-Cou\":\"240.00\"}");
        at(DAY.plusDays(1).plusHours(1));
        rules.rerun(DAY, DAY.plusDays(1), Optional.of("E1"));
        assertThat(alarms())
                .filteredOn(a -> a.ruleId().equals("DQ-20"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("P1/deviceTotals");
                    assertThat(a.subtype()).isEqualTo("deviceHourly");
                    assertThat(a.start()).isEqualTo(DAY);
                    assertThat(a.level()).isEqualTo(3);
                    assertThat(a.evidence().get("hours").toString())
                            .contains("2026-03-02T03:00")
                            .doesNotContain("2026-03-02T04:00");
                    assertThat(a.evidence()).doesNotContainKey("day");
                });
    }
}
