package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DQ-14 ratio-step test. */
class RatioStepTest {

    private static final RatioStep RULE = new RatioStep();

    private static List<Finding> step(String pattern) {
        return evaluate(EnterpriseFixture.day().prod("P1", 10, 50).power("P1", pattern), RULE)
                .findings();
    }

    @Test
    void aStepByFourWithCurrentsScaledAndPfKeptIsDq14RatioStep() {
        assertThat(step("50x10 200x86")).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DQ-14");
            assertThat(a.subtype()).isEqualTo("ratioStep");
            assertThat(a.key()).isEqualTo("P1/ratioStep");
            assertThat(a.start()).isEqualTo(at(10));
            assertThat(a.raisedAt()).isEqualTo(at(13)); // the new level has held for dq.ratioStepWindowSamples
            assertThat(a.end()).isEqualTo(at(11));
            assertThat(a.level()).isEqualTo(3);
            assertThat(a.evidence()).containsEntry("factor", 4.0).containsEntry("nearest", "4");
        });
        assertThat(step("200x10 50x86"))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("nearest", "1/4"));
    }

    @Test
    void aMachineCyclingBetweenIdleAndFullLoadAtOnePfIsNothing() {
        // each step is a clean ×4 with PF unchanged, but the level does not last: a load, not a ratio
        assertThat(step("50x10 200 50 200x2 50x2 200 50 200x2 50x76")).isEmpty();
        assertThat(step("50x10 200x3 50x83")).isEmpty();
        // a level that lasts the window is a step either way: up at 02:30 and back down at 03:30
        assertThat(step("50x10 200x4 50x82")).extracting(Finding::start).containsExactly(at(10), at(14));
    }

    @Test
    void factorBelowTheMinimumOrOffAnIntegerIsNothing() {
        assertThat(step("50x10 150x86")).isEmpty(); // 3 < dq.ratioStepMinFactor
        assertThat(step("50x10 210x86")).hasSize(1); // 4.2: within 0.05 · 4.2 of 4
        assertThat(step("50x10 212.5x86")).isEmpty(); // 4.25: 0.25 > 0.2125
    }

    @Test
    void pfVoltagesCurrentsAndStateMustStayPut() {
        EnterpriseFixture pf = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 200x86");
        pf.set("P1", 10, "PF", 0.919);
        assertThat(evaluate(pf, RULE).findings()).hasSize(1);
        pf.set("P1", 10, "PF", 0.921);
        assertThat(evaluate(pf, RULE).findings()).isEmpty();
        EnterpriseFixture current = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 200x86");
        current.set("P1", 10, "IB", current.series("P1").value("IB", 10) * 0.9);
        assertThat(evaluate(current, RULE).findings()).isEmpty();
        EnterpriseFixture voltage = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "50x10 200x86");
        voltage.set("P1", 10, "UA", 230.94 * 1.06);
        assertThat(evaluate(voltage, RULE).findings()).isEmpty();
        // 5 kW (OFF, below P_on 10) to 20 kW (RUN): a machine starting, not a ratio
        assertThat(step("5x10 20x86")).isEmpty();
    }
}
