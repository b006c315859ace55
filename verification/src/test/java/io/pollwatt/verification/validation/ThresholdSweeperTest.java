package io.pollwatt.verification.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.verification.scoring.StagedFault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The sweep and its scoring on hand-made faults and findings, no database: a stand-in for the rules raises ALM-01 for
 * every treatment-off episode at least as long as {@code alm.notRunningMinMin}.
 */
class ThresholdSweeperTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 2, 0, 0);

    /** Treatment-off episodes the platform would see: enterprise, point, start, minutes. */
    private record Episode(String enterprise, String point, LocalDateTime start, int minutes) {}

    private static final List<Episode> EPISODES = List.of(
            new Episode("E1", "T1", DAY.plusHours(10), 40), // fault 1
            new Episode("E1", "T1", DAY.plusHours(14), 90), // fault 2
            new Episode("E2", "T1", DAY.plusHours(3), 35), // no fault: a false alarm when detected
            new Episode("E2", "T2", DAY.plusHours(20), 20)); // fault 3: shorter than any threshold swept

    private static final List<StagedFault> FAULTS = List.of(
            fault("E1", "T1", DAY.plusHours(10), 40),
            fault("E1", "T1", DAY.plusHours(14), 90),
            fault("E2", "T2", DAY.plusHours(20), 20));

    private static StagedFault fault(String enterprise, String point, LocalDateTime start, int minutes) {
        return new StagedFault(
                enterprise,
                ZONE,
                new TreatmentOff(point, Window.of(start.atZone(ZONE).toInstant(), Duration.ofMinutes(minutes))));
    }

    /** Records every call, so a test can see how often the rules ran. */
    private static final class StandInRules implements ThresholdSweeper.Rules {
        final List<List<Map<String, String>>> calls = new ArrayList<>();

        @Override
        public List<List<Alarm>> alarms(List<Map<String, String>> configurations, Consumer<String> p) {
            calls.add(configurations);
            List<List<Alarm>> out = new ArrayList<>();
            for (Map<String, String> c : configurations) {
                RuleConfig config = RuleConfig.of(c);
                List<Alarm> alarms = new ArrayList<>();
                for (Episode e : EPISODES) {
                    double min = config.forEnterprise(e.enterprise()).number("alm.notRunningMinMin");
                    if (e.minutes() >= min) {
                        LocalDateTime raised = e.start().plusMinutes((long) min);
                        Finding f = new Finding(
                                "ALM-01",
                                1,
                                e.enterprise(),
                                "G1",
                                "midRun",
                                List.of("P1"),
                                List.of(e.point()),
                                e.start(),
                                raised,
                                e.start().plusMinutes(e.minutes()),
                                2,
                                Map.of());
                        alarms.addAll(FindingAlarms.of(List.of(f), ZONE, alarms.size() + 1L));
                    }
                }
                out.add(alarms);
            }
            return out;
        }
    }

    private static SweepTable table(String text) throws SweepTableException {
        return SweepTable.parse("test", text);
    }

    @Test
    void a_stricter_duration_raises_fewer_alarms_and_the_scores_say_which() throws Exception {
        StandInRules rules = new StandInRules();
        List<RuleSweep> sweeps = new ThresholdSweeper(FAULTS, rules, Map.of())
                .sweep(table("ALM-01 alm.notRunningMinMin 30 45 60 90 120\nDQ-12 dq.constantSamples 4 8"), m -> {});

        RuleSweep alm01 = sweeps.get(0);
        assertThat(alm01.key()).isEqualTo("alm.notRunningMinMin");
        assertThat(alm01.defaultValue()).isEqualByComparingTo("30");
        assertThat(alm01.points()).extracting(p -> p.value().intValue()).containsExactly(30, 45, 60, 90, 120);
        // 30 min: the 40- and 90-minute faults detected, the 35-minute episode without a fault a false alarm
        RuleSweep.Measured at30 = alm01.atDefault();
        assertThat(List.of(at30.truePositives(), at30.falsePositives(), at30.falseNegatives(), at30.alarms()))
                .containsExactly(2, 1, 1, 3);
        assertThat(at30.precision()).isEqualTo(2.0 / 3);
        assertThat(at30.recall()).isEqualTo(2.0 / 3);
        // 45 … 90 min: only the 90-minute fault, no false alarm
        for (int i = 1; i <= 3; i++) {
            RuleSweep.Measured m = alm01.points().get(i);
            assertThat(List.of(m.truePositives(), m.falsePositives(), m.falseNegatives()))
                    .as("at %s", m.value())
                    .containsExactly(1, 0, 2);
            assertThat(m.precision()).isEqualTo(1.0);
            assertThat(m.recall()).isEqualTo(1.0 / 3);
        }
        // 120 min: nothing raised; precision is undefined, recall 0
        RuleSweep.Measured at120 = alm01.points().get(4);
        assertThat(at120.alarms()).isZero();
        assertThat(at120.precision()).isNull();
        assertThat(at120.recall()).isEqualTo(0.0);

        // a rule nothing expects and nothing raises: zeros and undefined ratios, not an error
        RuleSweep dq12 = sweeps.get(1);
        assertThat(dq12.defaultValue()).isEqualByComparingTo("8");
        assertThat(dq12.points()).allSatisfy(p -> {
            assertThat(p.alarms() + p.truePositives() + p.falseNegatives()).isZero();
            assertThat(p.precision()).isNull();
            assertThat(p.recall()).isNull();
        });
    }

    @Test
    void every_distinct_configuration_runs_once_in_one_call() throws Exception {
        StandInRules rules = new StandInRules();
        new ThresholdSweeper(FAULTS, rules, Map.of())
                .sweep(table("ALM-01 alm.notRunningMinMin 30 45 60 90 120\nDQ-12 dq.constantSamples 4 8"), m -> {});

        // the defaults (ALM-01 at 30, DQ-12 at 8) are one configuration: no override at all
        assertThat(rules.calls)
                .singleElement()
                .satisfies(configs -> assertThat(configs)
                        .containsExactly(
                                Map.of(),
                                Map.of("alm.notRunningMinMin", "45"),
                                Map.of("alm.notRunningMinMin", "60"),
                                Map.of("alm.notRunningMinMin", "90"),
                                Map.of("alm.notRunningMinMin", "120"),
                                Map.of("dq.constantSamples", "4")));
    }

    @Test
    void the_value_in_effect_comes_from_the_runs_rules_and_is_always_measured() throws Exception {
        StandInRules rules = new StandInRules();
        Map<String, String> base =
                Map.of("alm.notRunningMinMin", "40", "alm.notRunningMinMin@E2", "20", "dq.offlineMin", "60");
        List<RuleSweep> sweeps =
                new ThresholdSweeper(FAULTS, rules, base).sweep(table("ALM-01 alm.notRunningMinMin 30 60"), m -> {});

        RuleSweep s = sweeps.get(0);
        assertThat(s.defaultValue()).isEqualByComparingTo("40");
        assertThat(s.points()).extracting(p -> p.value().intValue()).containsExactly(30, 40, 60);
        // the per-enterprise override of the swept key is dropped (E2 runs the swept value too); others stay
        assertThat(rules.calls.get(0))
                .allSatisfy(c -> assertThat(c)
                        .doesNotContainKey("alm.notRunningMinMin@E2")
                        .containsEntry("dq.offlineMin", "60"));
        // at 40 the 35-minute episode of E2 is no longer raised: had E2 kept its 20, it would be a false alarm
        assertThat(s.atDefault().falsePositives()).isZero();
        assertThat(s.atDefault().truePositives()).isEqualTo(2);
    }

    @Test
    void a_key_whose_value_is_not_a_number_cannot_be_swept() {
        ThresholdSweeper sweeper = new ThresholdSweeper(FAULTS, new StandInRules(), Map.of());
        assertThatThrownBy(() -> sweeper.inEffect("alm.nightWindowStart"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot sweep alm.nightWindowStart: its value '22:00' is not a number");
        assertThat(sweeper.inEffect("dq.subOverMainTol")).isEqualByComparingTo(new BigDecimal("0.05"));
    }

    @Test
    void a_finding_becomes_the_alarm_the_store_would_hold() {
        Finding open = new Finding(
                "DQ-12",
                1,
                "E1",
                "P1",
                null,
                List.of("P1"),
                List.of(),
                DAY.plusHours(1),
                DAY.plusHours(3),
                null,
                3,
                Map.of("n", 8));
        Finding ended = new Finding(
                "DQ-12",
                1,
                "E1",
                "P2",
                null,
                List.of("P2"),
                List.of(),
                DAY,
                DAY.plusHours(2),
                DAY.plusHours(4),
                3,
                Map.of());

        List<Alarm> alarms = FindingAlarms.of(List.of(open, ended), ZONE, 5);

        assertThat(alarms).extracting(Alarm::id).containsExactly(5L, 6L);
        assertThat(alarms.get(0).status()).isEqualTo(Alarm.Status.OPEN);
        assertThat(alarms.get(0).closingReason()).isNull();
        assertThat(alarms.get(0).openedAt())
                .isEqualTo(DAY.plusHours(3).atZone(ZONE).toInstant());
        assertThat(alarms.get(0).evidence()).containsEntry("n", 8);
        assertThat(alarms.get(1).status()).isEqualTo(Alarm.Status.CLOSED);
        assertThat(alarms.get(1).closingReason()).isEqualTo("ended");
        assertThat(alarms.get(1).closedAt())
                .isEqualTo(DAY.plusHours(4).atZone(ZONE).toInstant());
    }
}
