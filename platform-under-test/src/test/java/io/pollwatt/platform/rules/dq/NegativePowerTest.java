package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.config;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.fill;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.state.OperatingState;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** DQ-08a/b/c and the §10 matrix rows 12, 13, 14 and 30. */
class NegativePowerTest {

    private static final NegativePower NEG = new NegativePower();
    private static final SignAlternation FLIPS = new SignAlternation();

    /** Production P1 (P_on 10, P_ref 50) on 400 V, 3P4W, 200/5: eps = 0.002 · 138.6 kVA ≈ 0.277 kW, noise 2 A. */
    private static EnterpriseFixture plant() {
        return EnterpriseFixture.day().prod("P1", 10, 50);
    }

    private static EnterpriseFixture threeWire(int days) {
        return EnterpriseFixture.at(EnterpriseFixture.DAY, 96 * days)
                .point(
                        "P1",
                        SiteArchive.PointKind.PROD,
                        new SiteArchive.Limits(
                                OptionalDouble.of(10),
                                OptionalDouble.of(50),
                                OptionalDouble.empty(),
                                OptionalDouble.empty()),
                        "3P3W",
                        200);
    }

    @Test
    void totalNegativeForTwoSamplesRaisesDq08aAtTheSecondAndPutsTheStateOnTheCurrentFallback() {
        DqTesting.Result r = evaluate(plant().power("P1", "50x8 -50x4 50x84"), NEG);
        assertThat(r.of("DQ-08", "total")).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("P1/total");
            assertThat(f.points()).containsExactly("P1");
            assertThat(f.start()).isEqualTo(at(8));
            assertThat(f.raisedAt()).isEqualTo(at(9));
            assertThat(f.end()).isEqualTo(at(12));
            assertThat(f.level()).isEqualTo(3);
            assertThat(f.evidence()).containsEntry("P", -50.0);
        });
        // open from the sample that completes the run until two clean samples (12, 13) close it
        assertThat(r.e().onFallback("P1", 8)).isFalse();
        assertThat(r.e().onFallback("P1", 9)).isTrue();
        assertThat(r.e().onFallback("P1", 12)).isTrue();
        assertThat(r.e().onFallback("P1", 13)).isFalse();
    }

    @Test
    void oneNegativeSampleIsBelowTheRunAndTwoReachIt() {
        assertThat(evaluate(plant().power("P1", "50x8 -50 50x87"), NEG).findings())
                .isEmpty();
        RuleConfig three = config("dq.minConsecutiveSamples", "3");
        assertThat(evaluate(plant().power("P1", "50x8 -50x2 50x86"), three, NEG).of("DQ-08", "total"))
                .isEmpty();
        assertThat(evaluate(plant().power("P1", "50x8 -50x3 50x85"), three, NEG).of("DQ-08", "total"))
                .singleElement()
                .satisfies(f -> assertThat(f.raisedAt()).isEqualTo(at(10)));
    }

    @Test
    void epsIsTheLargerOfTheMinimumAndTheRatedShare() {
        // eps = max(0.1, 0.002 · 138.56 kVA) = 0.277 kW; currents set above noise (2 A)
        EnterpriseFixture below = fill(
                fill(fill(plant().power("P1", "50x8 -0.27x2 50x86"), "P1", 8, 10, "IA", 3), "P1", 8, 10, "IB", 3),
                "P1",
                8,
                10,
                "IC",
                3);
        assertThat(evaluate(below, NEG).of("DQ-08", "total")).isEmpty();
        EnterpriseFixture above = fill(
                fill(fill(plant().power("P1", "50x8 -0.28x2 50x86"), "P1", 8, 10, "IA", 3), "P1", 8, 10, "IB", 3),
                "P1",
                8,
                10,
                "IC",
                3);
        assertThat(evaluate(above, NEG).of("DQ-08", "total")).hasSize(1);
        // the minimum takes over when it is the larger
        RuleConfig min = config("dq.negPowerEpsMinKw", "5");
        assertThat(evaluate(plant().power("P1", "50x8 -4.9x2 50x86"), min, NEG).of("DQ-08", "total"))
                .isEmpty();
        assertThat(evaluate(plant().power("P1", "50x8 -5.1x2 50x86"), min, NEG).of("DQ-08", "total"))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("epsKw", 5.0));
    }

    @Test
    void currentsAtNoiseMakeNoFinding() {
        // noise = 0.01 × 200 A = 2 A
        EnterpriseFixture quiet = plant().power("P1", "50x8 -50x2 50x86");
        for (String q : List.of("IA", "IB", "IC")) {
            fill(quiet, "P1", 8, 10, q, 2.0);
        }
        assertThat(evaluate(quiet, NEG).findings()).isEmpty();
        EnterpriseFixture live = plant().power("P1", "50x8 -50x2 50x86");
        for (String q : List.of("IA", "IB", "IC")) {
            fill(live, "P1", 8, 10, q, 2.1);
        }
        assertThat(evaluate(live, NEG).of("DQ-08", "total")).hasSize(1);
    }

    @Test
    void closesOnlyAfterTwoCleanSamples() {
        // one clean sample between negatives does not close it: one finding from 8 to 13
        DqTesting.Result r = evaluate(plant().power("P1", "50x8 -50x2 50 -50x3 50x82"), NEG);
        assertThat(r.of("DQ-08", "total")).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(at(8));
            assertThat(f.end()).isEqualTo(at(14));
        });
        assertThat(r.e().onFallback("P1", 10)).isTrue();
    }

    @Test
    void anEpisodeReachingTheEndOfWhatIsKnownStaysOpen() {
        EnterpriseFixture f = plant().power("P1", "50x8 -50x4 50");
        f.series("P1").knownUntil(13);
        assertThat(evaluate(f, NEG).of("DQ-08", "total")).singleElement().satisfies(a -> {
            assertThat(a.open()).isTrue();
            assertThat(a.end()).isNull();
        });
    }

    @Test
    void row12OneReversedCtIn3p4wIsDq08bNamingThePhaseNotDq08a() {
        EnterpriseFixture f = plant().power("P1", "50x8 16.67x16 50x72");
        fill(f, "P1", 8, 24, "PA", -50 / 3.0);
        fill(f, "P1", 8, 24, "PB", 50 / 3.0);
        fill(f, "P1", 8, 24, "PC", 50 / 3.0);
        List<Finding> found = evaluate(f, NEG).findings();
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-08");
            assertThat(a.subtype()).isEqualTo("phase");
            assertThat(a.key()).isEqualTo("P1/PA");
            assertThat(a.evidence()).containsEntry("phase", "PA");
            assertThat(a.start()).isEqualTo(at(8));
            assertThat(a.raisedAt()).isEqualTo(at(9));
            assertThat(a.end()).isEqualTo(at(24));
            assertThat(a.level()).isEqualTo(2); // 4 h
        });
    }

    @Test
    void dq08bPhaseThresholdIsAThirdOfEps() {
        // eps/3 ≈ 0.0924 kW; phase current 80 A is above noise
        EnterpriseFixture below = plant().power("P1", "50x96");
        fill(below, "P1", 8, 10, "PA", -0.092);
        assertThat(evaluate(below, NEG).findings()).isEmpty();
        EnterpriseFixture above = plant().power("P1", "50x96");
        fill(above, "P1", 8, 10, "PA", -0.093);
        assertThat(evaluate(above, NEG).findings()).extracting(Finding::key).containsExactly("P1/PA");
        // the phase's own current at noise: nothing
        fill(above, "P1", 8, 10, "IA", 2.0);
        assertThat(evaluate(above, NEG).findings()).isEmpty();
    }

    @Test
    void row13AllCtsReversedIsDq08aAndDq08bAndTheStateComesFromTheCurrent() {
        DqTesting.Result r = evaluate(plant().power("P1", "0x8 -50x16 0x72"), NEG);
        assertThat(r.findings())
                .extracting(Finding::subtype, Finding::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("total", "P1/total"),
                        org.assertj.core.groups.Tuple.tuple("phase", "P1/PA"),
                        org.assertj.core.groups.Tuple.tuple("phase", "P1/PB"),
                        org.assertj.core.groups.Tuple.tuple("phase", "P1/PC"));
        OperatingState[] states = r.e().state("P1");
        assertThat(states[8]).isEqualTo(OperatingState.OFF); // −50 kW before the run is complete
        assertThat(states[9]).isEqualTo(OperatingState.RUN); // |I| = 80 A ≥ I_on ≈ 17 A
        assertThat(states[23]).isEqualTo(OperatingState.RUN);
        assertThat(states[30]).isEqualTo(OperatingState.OFF);
    }

    @Test
    void row14ElementTwoReversedIn3p3wIsDq08aNotDq08b() {
        EnterpriseFixture f = threeWire(1).power("P1", "50x8 -10x16 50x72");
        fill(f, "P1", 8, 24, "PA", 20);
        fill(f, "P1", 8, 24, "PB", Double.NaN);
        fill(f, "P1", 8, 24, "PC", -30);
        assertThat(evaluate(f, NEG).findings())
                .extracting(Finding::subtype, Finding::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("total", "P1/total"));
    }

    @Test
    void row30SignAlternatingFourTimesInADayIsDq08cAndTheNextDayUsesTheFallback() {
        EnterpriseFixture f = EnterpriseFixture.at(EnterpriseFixture.DAY, 192)
                .prod("P1", 10, 50)
                .power("P1", "50x10 -50 50x10 -50 50x74 50x96");
        DqTesting.Result r = evaluate(f, NEG, FLIPS);
        assertThat(r.findings()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-08");
            assertThat(a.subtype()).isEqualTo("signAlternation");
            assertThat(a.key()).isEqualTo("P1/signAlternation");
            assertThat(a.start()).isEqualTo(at(9));
            assertThat(a.end()).isEqualTo(at(23));
            assertThat(a.raisedAt()).isEqualTo(at(96)); // at day close
            assertThat(a.evidence()).containsEntry("flips", 4);
            assertThat(a.level()).isEqualTo(2); // 3 h 30 min of alternation
        });
        assertThat(r.e().onFallback("P1", 50)).isFalse();
        assertThat(r.e().onFallback("P1", 96)).isTrue();
        assertThat(r.e().onFallback("P1", 191)).isTrue();
    }

    @Test
    void dq08cThreeFlipsAreBelowTheThresholdAndSmallOrQuietSamplesCarryNoSign() {
        EnterpriseFixture three = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 -50 50x84 -50");
        assertThat(evaluate(three, FLIPS).findings()).isEmpty();
        // |P| at or below eps has no sign: the alternation of ±0.2 kW is noise
        EnterpriseFixture small = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 -0.2 50x10 -0.2 50x74");
        for (String q : List.of("IA", "IB", "IC")) {
            fill(small, "P1", 0, 96, q, 5.0);
        }
        assertThat(evaluate(small, FLIPS).findings()).isEmpty();
        RuleConfig two = config("dq.signFlipsPerDay", "3");
        assertThat(evaluate(three, two, FLIPS).findings()).hasSize(1);
    }

    @Test
    void dq08cWaitsForTheDayToClose() {
        EnterpriseFixture f = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 -50 50x10 -50 50x10");
        f.series("P1").knownUntil(33);
        assertThat(evaluate(f, FLIPS).findings()).isEmpty();
    }
}
