package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.fill;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.state.OperatingState;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * DQ-17 (per-sample checks and the day-level wiring-mode mismatch) and the §10 matrix rows 9, 25 and 32. P1: 400 V,
 * 200/5, so U_n ≈ 230.9 V, S_rated ≈ 138.6 kVA, noise 2 A.
 */
class ElectricalSanityTest {

    private static final ElectricalSanity RULE = new ElectricalSanity();
    private static final WiringModeMismatch WIRING = new WiringModeMismatch();

    private static EnterpriseFixture plant() {
        return EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x96");
    }

    /** The findings of the check {@code subtype} with P1's sample 10 changed by {@code change}. */
    private static List<Finding> at10(String subtype, java.util.function.Consumer<EnterpriseFixture> change) {
        EnterpriseFixture f = plant();
        change.accept(f);
        return evaluate(f, RULE).of("DQ-17", subtype);
    }

    @Test
    void row25PhaseBVoltageLostIsDq17PhaseLossAndNoDataWhileOpen() {
        EnterpriseFixture f = fill(plant(), "P1", 10, 14, "UB", 0);
        DqTesting.Result r = evaluate(f, RULE);
        assertThat(r.findings()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-17");
            assertThat(a.subtype()).isEqualTo("phaseLoss");
            assertThat(a.key()).isEqualTo("P1/phaseLoss");
            assertThat(a.start()).isEqualTo(at(10));
            assertThat(a.raisedAt()).isEqualTo(at(10));
            assertThat(a.end()).isEqualTo(at(14));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence()).containsEntry("phase", "UB").containsEntry("UB", 0.0);
        });
        OperatingState[] states = r.e().state("P1");
        assertThat(states[9]).isEqualTo(OperatingState.RUN);
        assertThat(states[10]).isEqualTo(OperatingState.NO_DATA);
        assertThat(states[13]).isEqualTo(OperatingState.NO_DATA);
        assertThat(states[14]).isEqualTo(OperatingState.RUN);
    }

    @Test
    void phaseLossThresholds() {
        // lost below 0.7 · U_n ≈ 161.66 V while the others are at least 0.9 · U_n ≈ 207.85 V
        assertThat(at10("phaseLoss", f -> f.set("P1", 10, "UB", 161.8))).isEmpty();
        assertThat(at10("phaseLoss", f -> f.set("P1", 10, "UB", 161.5))).hasSize(1);
        assertThat(at10("phaseLoss", f -> f.set("P1", 10, "UB", 161.5).set("P1", 10, "UA", 207.7)))
                .isEmpty();
        assertThat(at10("phaseLoss", f -> f.set("P1", 10, "UB", 161.5).set("P1", 10, "UA", 207.9)))
                .hasSize(1);
    }

    @Test
    void phaseLossIn3p3wTestsLineVoltagesAgainstTheNominalLineVoltage() {
        EnterpriseFixture f = EnterpriseFixture.day()
                .point(
                        "P1",
                        SiteArchive.PointKind.PROD,
                        new SiteArchive.Limits(
                                OptionalDouble.of(10),
                                OptionalDouble.of(50),
                                OptionalDouble.empty(),
                                OptionalDouble.empty()),
                        "3P3W",
                        200)
                .power("P1", "50x96")
                .set("P1", 10, "UB", 0) // no phase voltage in 3P3W: not read
                .set("P1", 11, "UBC", 280.1)
                .set("P1", 12, "UBC", 279.9);
        assertThat(evaluate(f, RULE).of("DQ-17", "phaseLoss")).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(at(12));
            assertThat(a.evidence()).containsEntry("phase", "UBC");
        });
    }

    @Test
    void pfAboveMax() {
        // S set so that P/S matches PF: only the PF bound speaks
        assertThat(at10("pfAboveMax", f -> f.set("P1", 10, "PF", 1.01).set("P1", 10, "S", 50 / 1.01)))
                .isEmpty();
        assertThat(at10("pfAboveMax", f -> f.set("P1", 10, "PF", 1.011).set("P1", 10, "S", 50 / 1.011)))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("PF", 1.011));
        assertThat(at10("pfMismatch", f -> f.set("P1", 10, "PF", 1.011).set("P1", 10, "S", 50 / 1.011)))
                .isEmpty();
    }

    @Test
    void pfMismatchAboveTolWhileCurrentsAboveNoise() {
        // P/S = 0.9
        assertThat(at10("pfMismatch", f -> f.set("P1", 10, "PF", 0.919))).isEmpty();
        assertThat(at10("pfMismatch", f -> f.set("P1", 10, "PF", 0.921))).hasSize(1);
        // the sign of PF is not this check's business (DQ-08 judges negative power)
        assertThat(at10("pfMismatch", f -> f.set("P1", 10, "PF", -0.9))).isEmpty();
        // 1 kW draws 1.6 A: below noise, the ratio is not judged
        EnterpriseFixture quiet = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "1x96");
        quiet.set("P1", 10, "PF", 0.95);
        assertThat(evaluate(quiet, RULE).of("DQ-17", "pfMismatch")).isEmpty();
        quiet.set("P1", 10, "IA", 2.1).set("P1", 10, "IB", 2.1).set("P1", 10, "IC", 2.1);
        assertThat(evaluate(quiet, RULE).of("DQ-17", "pfMismatch")).hasSize(1);
    }

    @Test
    void row32VfdOutputBelowTheFrequencyBandIsDq17Frequency() {
        EnterpriseFixture f = fill(plant(), "P1", 20, 40, "F", 42.0);
        assertThat(evaluate(f, RULE).findings()).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("frequency");
            assertThat(a.key()).isEqualTo("P1/frequency");
            assertThat(a.start()).isEqualTo(at(20));
            assertThat(a.end()).isEqualTo(at(40));
            assertThat(a.level()).isEqualTo(2);
            assertThat(a.evidence()).containsEntry("F", 42.0);
        });
    }

    @Test
    void frequencyBandEdges() {
        assertThat(at10("frequency", f -> f.set("P1", 10, "F", 49.5))).isEmpty();
        assertThat(at10("frequency", f -> f.set("P1", 10, "F", 49.49))).hasSize(1);
        assertThat(at10("frequency", f -> f.set("P1", 10, "F", 50.5))).isEmpty();
        assertThat(at10("frequency", f -> f.set("P1", 10, "F", 50.51))).hasSize(1);
    }

    @Test
    void powerWithoutCurrentIsPowerTheNoiseCurrentsCannotCarry() {
        // currents below noise (2 A) carry at most 0.01 · S_rated ≈ 1.386 kW
        java.util.function.Consumer<EnterpriseFixture> quiet =
                f -> f.set("P1", 10, "IA", 1.9).set("P1", 10, "IB", 1.9).set("P1", 10, "IC", 1.9);
        assertThat(at10("powerWithoutCurrent", quiet.andThen(f -> f.set("P1", 10, "P", 1.38))))
                .isEmpty();
        assertThat(at10("powerWithoutCurrent", quiet.andThen(f -> f.set("P1", 10, "P", 1.39))))
                .hasSize(1);
        assertThat(at10(
                        "powerWithoutCurrent",
                        quiet.andThen(f -> f.set("P1", 10, "P", 40).set("P1", 10, "IB", 2.1))))
                .isEmpty();
    }

    @Test
    void powerAboveThePhysicalCap() {
        // 1.2 · 138.56 kVA ≈ 166.28 kW
        assertThat(at10("aboveRated", f -> f.set("P1", 10, "P", 166.2))).isEmpty();
        assertThat(at10("aboveRated", f -> f.set("P1", 10, "P", 166.3))).hasSize(1);
    }

    @Test
    void row9OutageMakesNoDq17ButTheSameReadingsWithoutOutageDo() {
        EnterpriseFixture outage = EnterpriseFixture.day()
                .main("M", 10, 100)
                .prod("P1", 10, 50)
                .power("M", "0x96")
                .power("P1", "0x96");
        for (String id : List.of("M", "P1")) {
            for (String q : List.of("UA", "UB", "UC", "UAB", "UBC", "UCA", "F")) {
                fill(outage, id, 10, 21, q, 0);
            }
        }
        DqTesting.Result r = evaluate(outage, RULE);
        assertThat(r.e().outage()[10]).isTrue();
        assertThat(r.findings()).isEmpty();
        // MAIN keeps its voltage: no outage, and P1's dead meter reads 0 Hz
        EnterpriseFixture noOutage = EnterpriseFixture.day()
                .main("M", 10, 100)
                .prod("P1", 10, 50)
                .power("M", "0x96")
                .power("P1", "0x96");
        for (String q : List.of("UA", "UB", "UC", "UAB", "UBC", "UCA", "F")) {
            fill(noOutage, "P1", 10, 21, q, 0);
        }
        assertThat(evaluate(noOutage, RULE).findings())
                .extracting(Finding::key, Finding::start, Finding::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P1/frequency", at(10), at(21)));
    }

    @Test
    void wiringModeMismatchWhenA3p4wPhaseVoltageIsDeadAllDay() {
        // < 0.1 · U_n ≈ 23.09 V on every sample of the day
        EnterpriseFixture f = fill(plant(), "P1", 0, 96, "UB", 23.0);
        assertThat(evaluate(f, WIRING).findings()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-17");
            assertThat(a.subtype()).isEqualTo("wiringMode");
            assertThat(a.key()).isEqualTo("P1/wiringMode");
            assertThat(a.start()).isEqualTo(at(0));
            assertThat(a.raisedAt()).isEqualTo(at(96));
            assertThat(a.end()).isEqualTo(at(96));
            assertThat(a.level()).isEqualTo(1); // held the whole day
            assertThat(a.evidence()).containsEntry("phase", "UB");
        });
        f.set("P1", 50, "UB", 23.2);
        assertThat(evaluate(f, WIRING).findings()).isEmpty();
    }

    @Test
    void wiringModeIgnoresAllDeadPhasesAndDaysNotClosed() {
        EnterpriseFixture allDead = plant();
        for (String q : List.of("UA", "UB", "UC")) {
            fill(allDead, "P1", 0, 96, q, 0);
        }
        assertThat(evaluate(allDead, WIRING).findings()).isEmpty();
        EnterpriseFixture open = fill(plant(), "P1", 0, 96, "UB", 5);
        open.series("P1").knownUntil(95);
        assertThat(evaluate(open, WIRING).findings()).isEmpty();
    }
}
