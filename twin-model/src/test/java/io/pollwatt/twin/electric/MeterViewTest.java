package io.pollwatt.twin.electric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeterViewTest {

    private static final double U_PH = 220;
    private static final double U_LL = 220 * Math.sqrt(3);

    @ParameterizedTest(name = "{0}, {1} kW at PF {2}")
    @CsvSource({
        "THREE_PHASE_FOUR_WIRE, 55, 0.85",
        "THREE_PHASE_FOUR_WIRE, 7.5, 0.5",
        "THREE_PHASE_THREE_WIRE, 55, 0.85",
        "THREE_PHASE_THREE_WIRE, 110, 0.2"
    })
    void a_correct_meter_shows_p_equal_to_root3_ull_i_pf(Wiring wiring, double kw, double pf) {
        InstantValues v = MeterView.measure(ThreePhaseLoad.balanced(U_PH, kw, pf, 50), wiring, MeterCondition.NORMAL);
        double i = v.iaA();
        assertThat(v.pKw()).isCloseTo(Math.sqrt(3) * U_LL * i * pf / 1000, within(1e-9));
        assertThat(v.pKw()).isCloseTo(kw, within(1e-9));
        assertThat(v.powerFactor()).isCloseTo(pf, within(1e-9));
        assertThat(v.uabV()).isCloseTo(U_LL, within(1e-9));
        assertThat(v.sKva()).isCloseTo(Math.hypot(v.pKw(), v.qKvar()), within(1e-9));
    }

    @Test
    void unbalanced_three_wire_load_is_measured_exactly_by_two_elements() {
        // a three-wire load has no neutral: Ib = -(Ia + Ic), whatever the imbalance
        ThreePhaseLoad balanced = ThreePhaseLoad.balanced(U_PH, 40, 0.8, 50);
        Phasor ia = balanced.ia().times(1.2);
        Phasor ic = balanced.ic().times(0.7);
        Phasor ib = ia.plus(ic).times(-1);
        ThreePhaseLoad load = new ThreePhaseLoad(balanced.ua(), balanced.ub(), balanced.uc(), ia, ib, ic, 50);
        InstantValues three = MeterView.measure(load, Wiring.THREE_PHASE_THREE_WIRE, MeterCondition.NORMAL);
        assertThat(three.pKw()).isCloseTo(load.activePowerKw(), within(1e-9));
        assertThat(three.qKvar()).isCloseTo(load.reactivePowerKvar(), within(1e-9));
        assertThat(three.ibA()).isCloseTo(ib.magnitude(), within(1e-9));
        assertThat(three.paKw()).isNaN();
    }

    @Test
    void two_wattmeter_elements_at_pf_0_2_match_the_rulebook() {
        // EM-02: at PF 0.2, W1 = -0.317 and W2 = 0.663 in units of U_LL * I
        ThreePhaseLoad load = ThreePhaseLoad.balanced(U_PH, 10, 0.2, 50);
        double unit = U_LL * load.ia().magnitude() / 1000;
        double w1 = load.ua().minus(load.ub()).powerWith(load.ia()).re() / 1000 / unit;
        double w2 = load.uc().minus(load.ub()).powerWith(load.ic()).re() / 1000 / unit;
        assertThat(w1).isCloseTo(-0.317, within(0.001));
        assertThat(w2).isCloseTo(0.663, within(0.001));
    }

    @ParameterizedTest(name = "{0} reversed a={1} b={2} c={3}: P x {4}")
    @CsvSource({
        "THREE_PHASE_FOUR_WIRE, true, false, false, 0.333333",
        "THREE_PHASE_FOUR_WIRE, true, true, false, -0.333333",
        "THREE_PHASE_FOUR_WIRE, true, true, true, -1",
        "THREE_PHASE_THREE_WIRE, false, false, true, -0.357810",
        "THREE_PHASE_THREE_WIRE, true, false, false, 0.357810",
        "THREE_PHASE_THREE_WIRE, true, false, true, -1"
    })
    void reversed_cts_scale_the_measured_power_as_em05_says(
            Wiring wiring, boolean a, boolean b, boolean c, double ratio) {
        ThreePhaseLoad load = ThreePhaseLoad.balanced(U_PH, 50, 0.85, 50);
        InstantValues v = MeterView.measure(load, wiring, MeterCondition.NORMAL.withReversed(a, b, c));
        assertThat(v.pKw() / load.activePowerKw()).isCloseTo(ratio, within(1e-5));
        // current magnitudes do not depend on CT polarity (EM-06)
        assertThat(v.iaA()).isCloseTo(load.ia().magnitude(), within(1e-9));
    }

    @Test
    void a_wrong_ct_ratio_scales_current_and_power_but_not_voltage_or_pf() {
        ThreePhaseLoad load = ThreePhaseLoad.balanced(U_PH, 30, 0.85, 50);
        InstantValues v =
                MeterView.measure(load, Wiring.THREE_PHASE_FOUR_WIRE, MeterCondition.NORMAL.withCurrentScale(5));
        assertThat(v.pKw()).isCloseTo(150, within(1e-9));
        assertThat(v.uaV()).isCloseTo(U_PH, within(1e-9));
        assertThat(v.powerFactor()).isCloseTo(0.85, within(1e-9));
    }

    @Test
    void a_lost_phase_voltage_removes_that_phase() {
        ThreePhaseLoad load = ThreePhaseLoad.balanced(U_PH, 30, 0.85, 50).withVoltageLost('b');
        InstantValues v = MeterView.measure(load, Wiring.THREE_PHASE_FOUR_WIRE, MeterCondition.NORMAL);
        assertThat(v.ubV()).isZero();
        assertThat(v.pKw()).isCloseTo(20, within(1e-9));
    }
}
