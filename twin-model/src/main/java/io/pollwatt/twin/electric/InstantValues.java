package io.pollwatt.twin.electric;

/**
 * What a multi-function meter (多功能电表) shows at one instant, primary side (domain-rules §1.3). Quantities a wiring
 * does not measure are {@code NaN}: phase voltages and per-phase powers in 3P3W.
 *
 * @param uaV phase-a voltage (3P4W)
 * @param ubV phase-b voltage (3P4W)
 * @param ucV phase-c voltage (3P4W)
 * @param uabV line voltage a-b
 * @param ubcV line voltage b-c
 * @param ucaV line voltage c-a
 * @param iaA phase-a current magnitude
 * @param ibA phase-b current magnitude (3P3W: computed as |Ia + Ic|)
 * @param icA phase-c current magnitude
 * @param paKw phase-a active power (3P4W)
 * @param pbKw phase-b active power (3P4W)
 * @param pcKw phase-c active power (3P4W)
 * @param pKw total active power
 * @param qKvar total reactive power
 * @param sKva vector apparent power √(P² + Q²) (EM-03)
 * @param powerFactor P ÷ S, negative when P &lt; 0; 1 when there is no load
 * @param frequencyHz frequency
 */
public record InstantValues(
        double uaV,
        double ubV,
        double ucV,
        double uabV,
        double ubcV,
        double ucaV,
        double iaA,
        double ibA,
        double icA,
        double paKw,
        double pbKw,
        double pcKw,
        double pKw,
        double qKvar,
        double sKva,
        double powerFactor,
        double frequencyHz) {

    /** Mean current magnitude: of Ia, Ib, Ic in 3P4W; of Ia, Ic in 3P3W (ST-02's fallback signal). */
    public double meanCurrentA(Wiring wiring) {
        return wiring == Wiring.THREE_PHASE_FOUR_WIRE ? (iaA + ibA + icA) / 3 : (iaA + icA) / 2;
    }
}
