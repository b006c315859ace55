package io.pollwatt.platform.rules.alm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** ALM-11 and the §10 matrix row 9. */
class OutageTest {

    private static final Rule[] ALL = AlmRules.all().toArray(Rule[]::new);

    private static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    /** MAIN M, production P1 producing 02:00–06:00 with its treatment T1 off all day. */
    private static EnterpriseFixture plant() {
        return EnterpriseFixture.day()
                .main("M", 1, 200)
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .power("M", "60x96")
                .power("P1", "0x8 50x16 0x72")
                .power("T1", "0x96");
    }

    /** Every phase voltage of M at {@code volts} over samples [from, to). */
    private static EnterpriseFixture mainVoltage(EnterpriseFixture f, int from, int to, double volts) {
        for (int i = from; i < to; i++) {
            f.set("M", i, "P", 0)
                    .set("M", i, "UA", volts)
                    .set("M", i, "UB", volts)
                    .set("M", i, "UC", volts);
        }
        return f;
    }

    @Test
    void row9EnterpriseOutageIsAlm11AndNoAlm01() {
        List<Finding> f = mainVoltage(plant(), 8, 24, 0).run(ALL);
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALM-11");
            assertThat(a.subtype()).isEqualTo("outage");
            assertThat(a.key()).isEqualTo("E1");
            assertThat(a.points()).containsExactly("M");
            assertThat(a.start()).isEqualTo(at(8));
            assertThat(a.raisedAt()).isEqualTo(at(8));
            assertThat(a.end()).isEqualTo(at(24));
            assertThat(a.level()).isEqualTo(2); // 4 h ≥ alm.level2Min
            @SuppressWarnings("unchecked")
            Map<String, Object> m =
                    (Map<String, Object>) ((Map<String, Object>) a.evidence().get("main")).get("M");
            assertThat(m.get("UA")).isEqualTo(0.0);
            assertThat((Double) m.get("limitV")).isCloseTo(0.1 * 400 / Math.sqrt(3), within(1e-9));
        });
    }

    @Test
    void anOutageSuppressesTheStopPeriodAlarmToo() {
        SiteArchive.ControlPeriod stop = new SiteArchive.ControlPeriod(
                SiteArchive.ControlKind.STOP, at(8), at(24), OptionalDouble.empty(), List.of());
        assertThat(mainVoltage(plant().control(stop), 8, 24, 0).run(ALL))
                .extracting(Finding::ruleId)
                .containsExactly("ALM-11");
        assertThat(plant().control(stop).run(ALL))
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("ALM-01", "ALM-06");
    }

    @Test
    void withoutTheOutageTheSameDataIsAlm01() {
        assertThat(plant().run(ALL)).extracting(Finding::ruleId).containsExactly("ALM-01");
    }

    @Test
    void associationAlarmsResumeWhenThePowerComesBack() {
        List<Finding> f = mainVoltage(plant(), 8, 16, 0).run(ALL);
        assertThat(f)
                .extracting(Finding::ruleId, Finding::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ALM-11", at(8)),
                        org.assertj.core.groups.Tuple.tuple("ALM-01", at(16)));
        assertThat(f.get(0).end()).isEqualTo(at(16));
    }

    @Test
    void alm11ThresholdJustBelowAndJustAbove() {
        double limit = 0.1 * 400 / Math.sqrt(3); // alm.outageVoltageRatio · U_n ≈ 23.09 V
        assertThat(mainVoltage(plant(), 40, 41, limit + 0.01).run(new Outage())).isEmpty();
        assertThat(mainVoltage(plant(), 40, 41, limit - 0.01).run(new Outage()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.start()).isEqualTo(at(40));
                    assertThat(a.end()).isEqualTo(at(41));
                    assertThat(a.level()).isEqualTo(3);
                });
    }

    @Test
    void oneMainStillLiveIsNoOutage() {
        EnterpriseFixture f = plant().main("M2", 1, 200).power("M2", "60x96");
        assertThat(mainVoltage(f, 8, 24, 0).run(new Outage())).isEmpty();
    }
}
