package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.dtu;
import static io.pollwatt.platform.rules.dq.DqTesting.dtus;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.withArchive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Quarantine;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** DQ-01…06 and DQ-15 from the archive and the device facts; the §10 matrix rows 10, 11, 24 and 31. */
class ArchiveAndDeviceRulesTest {

    private static final Rule[] CONFIG = {
        MissingPoints.noPoints(), MissingPoints.noMain(), MissingPoints.noProduction(), MissingPoints.noTreatment()
    };
    private static final Rule[] DEVICES = {
        new NoFirstData(), new Offline(), new GarbledTransmission(), new UnregisteredPoints()
    };
    private static final RuleConfig DEFAULTS = RuleConfig.defaults();

    private static List<Finding> run(EnterpriseFixture f, UnaryOperator<SiteArchive> change, Rule... rules) {
        EnterpriseData d = withArchive(f.build(DEFAULTS.forEnterprise("E1")), change);
        return evaluate(d, DEFAULTS, rules).findings();
    }

    private static DeviceFacts heard(String mn, LocalDateTime latest) {
        return new DeviceFacts(mn, EnterpriseFixture.DAY.minusDays(30), Optional.of(latest), 1000, 0, List.of());
    }

    private static DeviceFacts neverHeard(String mn, LocalDateTime networkedAt) {
        return new DeviceFacts(mn, networkedAt, Optional.empty(), 0, 0, List.of());
    }

    /** P1 and P2 behind DTU MN1, both reporting {@code p1} / {@code p2}. */
    private static List<Finding> dtuPlant(String p1, String p2, Rule... rules) {
        EnterpriseFixture f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("P2", 2, 20)
                .power("P1", p1)
                .power("P2", p2)
                .device(heard("MN1", at(95)));
        return run(f, dtus(dtu("MN1", "P1", "P2")), rules);
    }

    @Test
    void row24EnterpriseWithoutMainIsDq02Only() {
        EnterpriseFixture f = EnterpriseFixture.day().prod("P1", 10, 50).treat("T1", 2, 20);
        assertThat(f.run(CONFIG)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-02");
            assertThat(a.subtype()).isEqualTo("noMain");
            assertThat(a.key()).isEqualTo("E1");
            assertThat(a.start()).isEqualTo(at(0));
            assertThat(a.raisedAt()).isEqualTo(at(0));
            assertThat(a.open()).isTrue();
            assertThat(a.level()).isEqualTo(3);
        });
        assertThat(EnterpriseFixture.day()
                        .main("M", 10, 100)
                        .prod("P1", 10, 50)
                        .treat("T1", 2, 20)
                        .run(CONFIG))
                .isEmpty();
    }

    @Test
    void noPointsAtAllIsDq01Alone() {
        assertThat(EnterpriseFixture.day().run(CONFIG))
                .extracting(Finding::ruleId, Finding::subtype)
                .containsExactly(tuple("DQ-01", "noPoints"));
    }

    @Test
    void prodTreatCountsAsProductionButNeverAsTreatment() {
        EnterpriseFixture f =
                EnterpriseFixture.day().main("M", 10, 100).point("PT", SiteArchive.PointKind.PROD_TREAT, 10, 50);
        assertThat(f.run(CONFIG)).extracting(Finding::ruleId).containsExactly("DQ-04");
        EnterpriseFixture treatOnly = EnterpriseFixture.day().main("M", 10, 100).treat("T1", 2, 20);
        assertThat(treatOnly.run(CONFIG)).extracting(Finding::ruleId).containsExactly("DQ-03");
    }

    @Test
    void everyUnmeteredProductionOrTreatmentFacilityIsItsOwnFinding() {
        EnterpriseFixture f =
                EnterpriseFixture.day().main("M", 10, 100).prod("P1", 10, 50).treat("T1", 2, 20);
        List<Finding> found = run(
                f,
                DqTesting.unmetered(
                        new SiteArchive.Unmetered("bran collector", SiteArchive.PointKind.PROD),
                        new SiteArchive.Unmetered("spray tower", SiteArchive.PointKind.TREAT),
                        new SiteArchive.Unmetered("dryer line", SiteArchive.PointKind.PROD_TREAT),
                        new SiteArchive.Unmetered("office", SiteArchive.PointKind.INDIRECT)),
                CONFIG);
        assertThat(found)
                .extracting(Finding::ruleId, Finding::key, Finding::subtype, Finding::level)
                .containsExactly(
                        tuple("DQ-03", "bran collector", "unmeteredFacility", 3),
                        tuple("DQ-04", "spray tower", "unmeteredFacility", 3));
    }

    @Test
    void dq05NoDataAfterNetworkingIsLevel3After24hAndLevel1After72h() {
        LocalDateTime now = EnterpriseFixture.DAY.plusDays(1);
        EnterpriseFixture justBefore = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .device(neverHeard("MN1", now.minusHours(24).plusMinutes(1)));
        assertThat(run(justBefore, dtus(dtu("MN1", "P1")), DEVICES)).isEmpty();
        EnterpriseFixture due =
                EnterpriseFixture.day().prod("P1", 10, 50).device(neverHeard("MN1", now.minusHours(24)));
        assertThat(run(due, dtus(dtu("MN1", "P1")), DEVICES)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-05");
            assertThat(a.key()).isEqualTo("MN1");
            assertThat(a.points()).containsExactly("P1");
            assertThat(a.start()).isEqualTo(now.minusHours(24));
            assertThat(a.raisedAt()).isEqualTo(now);
            assertThat(a.open()).isTrue();
            assertThat(a.level()).isEqualTo(3);
        });
        EnterpriseFixture notYetEscalated = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .device(neverHeard("MN1", now.minusHours(72).plusMinutes(1)));
        assertThat(run(notYetEscalated, dtus(dtu("MN1", "P1")), DEVICES))
                .extracting(Finding::level)
                .containsExactly(3);
    }

    @Test
    void dq05IsPerPointWhenTheDeviceReportsOtherMeters() {
        // the seed's dust-collector fan: "每日无数据" behind a DTU whose production meter reports
        LocalDateTime now = EnterpriseFixture.DAY.plusDays(1);
        EnterpriseFixture f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 0.2, 5)
                .power("P1", "50x96")
                .device(new DeviceFacts(
                        "MN1",
                        now.minusHours(24),
                        Optional.of(at(95)),
                        96,
                        0,
                        List.of(),
                        java.util.Map.of("P1", at(95))));
        assertThat(run(f, dtus(dtu("MN1", "P1", "T1")), DEVICES))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("DQ-05");
                    assertThat(a.key()).isEqualTo("T1");
                    assertThat(a.subtype()).isEqualTo("pointNoDataAfterNetworking");
                    assertThat(a.level()).isEqualTo(3);
                });
        EnterpriseFixture early = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 0.2, 5)
                .power("P1", "50x96")
                .device(new DeviceFacts(
                        "MN1",
                        now.minusHours(24).plusMinutes(1),
                        Optional.of(at(95)),
                        96,
                        0,
                        List.of(),
                        java.util.Map.of("P1", at(95))));
        assertThat(run(early, dtus(dtu("MN1", "P1", "T1")), DEVICES)).isEmpty();
    }

    @Test
    void dq19RecordsArrivedBeyondTheRetentionAreFlaggedOncePerDevice() {
        EnterpriseFixture f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .power("P1", "50x96")
                .device(new DeviceFacts(
                        "MN1",
                        EnterpriseFixture.DAY.minusDays(60),
                        Optional.of(at(95)),
                        96,
                        0,
                        List.of(),
                        java.util.Map.of("P1", at(95)),
                        List.of(at(4), at(5), at(9))));
        assertThat(run(f, dtus(dtu("MN1", "P1")), new BeyondRetention()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("DQ-19");
                    assertThat(a.key()).isEqualTo("MN1");
                    assertThat(a.start()).isEqualTo(at(4));
                    assertThat(a.end()).isEqualTo(at(10));
                    assertThat(a.evidence()).containsEntry("records", 3);
                });
        EnterpriseFixture none = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .power("P1", "50x96")
                .device(new DeviceFacts(
                        "MN1", EnterpriseFixture.DAY.minusDays(60), Optional.of(at(95)), 96, 0, List.of()));
        assertThat(run(none, dtus(dtu("MN1", "P1")), new BeyondRetention())).isEmpty();
    }

    @Test
    void row11MnNotDeliveredIsDq05AtLevel1AndNoDq06ForAPointNeverHeard() {
        // the device sends under a default MN, so the registered MN1 is never heard (the packets under the
        // unknown MN are the ingest's quarantine, not in the enterprise's data)
        EnterpriseFixture f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .device(neverHeard("MN1", EnterpriseFixture.DAY.minusDays(2)));
        assertThat(run(f, dtus(dtu("MN1", "P1")), DEVICES))
                .extracting(Finding::ruleId, Finding::key, Finding::level)
                .containsExactly(tuple("DQ-05", "MN1", 1));
    }

    private static final String FACTORY_MN = "000000000000000000000000";

    /** Frames of the factory MN from 08:00 to 11:45 with PW {@code pw} for meters {@code meters}. */
    private static Quarantine.UnknownMn factoryMnFrames(String pw, Integer... meters) {
        return new Quarantine.UnknownMn(
                FACTORY_MN, at(32).plusSeconds(2), at(47).plusSeconds(2), 64, pw, java.util.Set.of(meters));
    }

    /** An archived DTU networked at 07:00 with PW "pw" and meters {@code meters}, heard first at {@code heard}. */
    private static Quarantine.ArchivedDtu archived(
            String mn, String enterprise, Optional<LocalDateTime> heard, Integer... meters) {
        return new Quarantine.ArchivedDtu(mn, enterprise, at(28), heard, "pw", java.util.Set.of(meters));
    }

    /** Row 11: P1 and T1 behind MN1 (never heard); the DTU sends under its factory MN instead. */
    private static List<Finding> mnNotDelivered(Quarantine q) {
        EnterpriseFixture f =
                EnterpriseFixture.day().prod("P1", 10, 50).treat("T1", 2, 20).device(neverHeard("MN1", at(28)));
        EnterpriseData d = withArchive(f.build(DEFAULTS.forEnterprise("E1")), dtus(dtu("MN1", "P1", "T1")));
        EnterpriseData withQ =
                new EnterpriseData(d.archive(), d.grid(), d.points(), d.stacks(), d.devices(), d.now(), q);
        return evaluate(withQ, DEFAULTS, new UnregisteredPoints()).findings();
    }

    @Test
    void row11FactoryMnFramesTiedByTheRegistrysHintsAreDq15UnregisteredMn() {
        List<Finding> f = mnNotDelivered(new Quarantine(
                List.of(factoryMnFrames("pw", 1, 2)), List.of(archived("MN1", "E1", Optional.empty(), 1, 2))));
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-15");
            assertThat(a.subtype()).isEqualTo("unregisteredMn");
            assertThat(a.key()).isEqualTo(FACTORY_MN);
            assertThat(a.points()).containsExactly("P1", "T1");
            assertThat(a.related()).containsExactly("MN1");
            assertThat(a.start()).isEqualTo(at(32));
            // the last frame came at 11:45, long before the evaluation's now: the episode ended
            assertThat(a.end()).isEqualTo(at(48));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence()).containsEntry("archivedMn", "MN1").containsEntry("frames", 64L);
        });
    }

    @Test
    void dq15UnregisteredMnOnlyWhenEveryHintFitsOneArchivedDtu() {
        Quarantine.ArchivedDtu mn1 = archived("MN1", "E1", Optional.empty(), 1, 2);
        // a data item for meter 3, which MN1 does not archive
        assertThat(mnNotDelivered(new Quarantine(List.of(factoryMnFrames("pw", 1, 3)), List.of(mn1))))
                .isEmpty();
        // another PW
        assertThat(mnNotDelivered(new Quarantine(List.of(factoryMnFrames("other", 1, 2)), List.of(mn1))))
                .isEmpty();
        // two silent DTUs on the platform fit: which one it is cannot be told
        assertThat(mnNotDelivered(new Quarantine(
                        List.of(factoryMnFrames("pw", 1)), List.of(mn1, archived("MN9", "E9", Optional.empty(), 1)))))
                .isEmpty();
        // the one DTU that fits is another enterprise's
        assertThat(mnNotDelivered(new Quarantine(
                        List.of(factoryMnFrames("pw", 1)), List.of(archived("MN9", "E9", Optional.empty(), 1)))))
                .isEmpty();
        // MN1 was heard just before the factory MN's first frame: it is not the device whose MN never came
        assertThat(mnNotDelivered(new Quarantine(
                        List.of(factoryMnFrames("pw", 1, 2)),
                        List.of(archived("MN1", "E1", Optional.of(at(32)), 1, 2)))))
                .isEmpty();
        // ... and just after it: the frames before were its own under the factory MN
        assertThat(mnNotDelivered(new Quarantine(
                        List.of(factoryMnFrames("pw", 1, 2)),
                        List.of(archived("MN1", "E1", Optional.of(at(32).plusSeconds(3)), 1, 2)))))
                .extracting(Finding::subtype)
                .containsExactly("unregisteredMn");
    }

    @Test
    void dq15UnregisteredMnIsOpenWhileTheFramesKeepComing() {
        Quarantine q = new Quarantine(
                List.of(factoryMnFrames("pw", 1, 2)), List.of(archived("MN1", "E1", Optional.empty(), 1, 2)));
        EnterpriseFixture f = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .device(neverHeard("MN1", at(28)))
                .now(at(47).plusMinutes(29));
        EnterpriseData d = withArchive(f.build(DEFAULTS.forEnterprise("E1")), dtus(dtu("MN1", "P1", "T1")));
        List<Finding> open = evaluate(
                        new EnterpriseData(d.archive(), d.grid(), d.points(), d.stacks(), d.devices(), d.now(), q),
                        DEFAULTS,
                        new UnregisteredPoints())
                .findings();
        assertThat(open).singleElement().satisfies(a -> assertThat(a.open()).isTrue());
    }

    @Test
    void row31TenMetersFiveRegisteredIsDq15UnregisteredPointAndNoDq05() {
        List<String> items = List.of("g70601", "g70701", "g70801", "g70901", "g71001");
        EnterpriseFixture f = EnterpriseFixture.day();
        String[] ids = {"P1", "P2", "P3", "P4", "P5"};
        for (String id : ids) {
            f.prod(id, 10, 50).power(id, "50x96");
        }
        f.device(new DeviceFacts("MN1", EnterpriseFixture.DAY.minusDays(30), Optional.of(at(95)), 960, 0, items));
        assertThat(run(f, dtus(dtu("MN1", ids)), DEVICES)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-15");
            assertThat(a.subtype()).isEqualTo("unregisteredPoint");
            assertThat(a.key()).isEqualTo("MN1");
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.open()).isTrue();
            assertThat(a.evidence()).containsEntry("items", items).containsEntry("count", 5);
        });
    }

    @Test
    void row10UplinkLostSixHoursIsAClosedDtuLevelDq06AndNothingOnceResent() {
        List<Finding> lost = dtuPlant("50x40 -x24 50x32", "20x40 -x24 20x32", DEVICES);
        assertThat(lost)
                .extracting(Finding::ruleId, Finding::key, Finding::subtype, Finding::start, Finding::end)
                .containsExactly(
                        tuple("DQ-06", "P1", "dtu", at(40), at(64)), tuple("DQ-06", "P2", "dtu", at(40), at(64)));
        assertThat(lost.get(0).raisedAt()).isEqualTo(at(41)); // 30 min after the last record
        assertThat(lost.get(0).level()).isEqualTo(2); // 6 h
        assertThat(lost.get(0).related()).containsExactly("P1", "P2");
        assertThat(lost.get(0).evidence())
                .containsEntry("mn", "MN1")
                .containsEntry("causeHint", "possibleOutage")
                .containsEntry("silentMin", 375L);
        // the resend filled the gap: the replay finds no silence
        assertThat(dtuPlant("50x96", "20x96", DEVICES)).isEmpty();
    }

    @Test
    void dq06OneMissingSampleIsNotOfflineTwoAreAndOnePointSilentIsPointLevel() {
        assertThat(dtuPlant("50x40 - 50x55", "20x96", new Offline())).isEmpty();
        assertThat(dtuPlant("50x40 -x2 50x54", "20x96", new Offline()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("P1");
                    assertThat(a.subtype()).isEqualTo("point");
                    assertThat(a.start()).isEqualTo(at(40));
                    assertThat(a.raisedAt()).isEqualTo(at(41));
                    assertThat(a.end()).isEqualTo(at(42));
                    assertThat(a.level()).isEqualTo(3);
                });
    }

    @Test
    void dq06IsOpenWhileThePointIsSilentAtTheEvaluation() {
        // now = 24:00; the last record at 23:15 is 45 min old, at 23:30 30 min (not more than dq.offlineMin)
        assertThat(dtuPlant("50x94", "20x96", new Offline())).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(94));
            assertThat(a.raisedAt()).isEqualTo(at(95));
            assertThat(a.open()).isTrue();
        });
        assertThat(dtuPlant("50x95", "20x96", new Offline())).isEmpty();
        // a point with no record in the range whose device has reported: silent since before the range
        assertThat(dtuPlant("-x96", "20x96", new Offline())).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("P1");
            assertThat(a.start()).isEqualTo(at(0));
            assertThat(a.open()).isTrue();
        });
    }

    @Test
    void dq06RejectRateAboveTheMaximum() {
        EnterpriseFixture at = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .power("P1", "50x96")
                .device(new DeviceFacts("MN1", at(-96), Optional.of(at(95)), 1000, 10, List.of()));
        assertThat(run(at, dtus(dtu("MN1", "P1")), DEVICES)).isEmpty();
        EnterpriseFixture above = EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .power("P1", "50x96")
                .device(new DeviceFacts("MN1", at(-96), Optional.of(at(95)), 1000, 11, List.of()));
        assertThat(run(above, dtus(dtu("MN1", "P1")), DEVICES)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-06");
            assertThat(a.subtype()).isEqualTo("rejectRate");
            assertThat(a.key()).isEqualTo("MN1");
            assertThat(a.start()).isEqualTo(at(0));
            assertThat(a.end()).isEqualTo(at(96));
            assertThat(a.evidence()).containsEntry("share", 0.011);
        });
    }
}
