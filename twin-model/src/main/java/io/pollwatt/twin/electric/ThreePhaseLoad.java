package io.pollwatt.twin.electric;

import java.util.Objects;

/**
 * The true electrical state of a circuit at one instant, primary side: phase voltages and line currents as phasors,
 * and the frequency. Phase voltages sit at 0°, −120° and +120° (ABC sequence). What a meter shows of it depends on
 * its wiring, ratios and faults ({@link MeterView}).
 *
 * @param ua phase-a voltage, V
 * @param ub phase-b voltage, V
 * @param uc phase-c voltage, V
 * @param ia phase-a current, A
 * @param ib phase-b current, A
 * @param ic phase-c current, A
 * @param frequencyHz supply frequency (0 without supply)
 */
public record ThreePhaseLoad(Phasor ua, Phasor ub, Phasor uc, Phasor ia, Phasor ib, Phasor ic, double frequencyHz) {

    public ThreePhaseLoad {
        Objects.requireNonNull(ua, "ua");
        Objects.requireNonNull(ub, "ub");
        Objects.requireNonNull(uc, "uc");
        Objects.requireNonNull(ia, "ia");
        Objects.requireNonNull(ib, "ib");
        Objects.requireNonNull(ic, "ic");
        if (!(frequencyHz >= 0)) {
            throw new IllegalArgumentException("frequency must not be negative, got " + frequencyHz);
        }
    }

    /**
     * A balanced load drawing {@code activePowerKw} at {@code powerFactor} (lagging) from phase voltage {@code
     * phaseVoltageV}: I = P ÷ (3·U_ph·PF) per phase (EM-01). Zero power gives zero current.
     */
    public static ThreePhaseLoad balanced(
            double phaseVoltageV, double activePowerKw, double powerFactor, double frequencyHz) {
        return unbalanced(phaseVoltageV, activePowerKw, powerFactor, frequencyHz, 0, 0);
    }

    /**
     * A load of total {@code activePowerKw} at {@code powerFactor} whose phase b and c currents deviate from the mean
     * by {@code imbalanceB} and {@code imbalanceC} (fractions, phase a takes the rest so the total stays exact).
     */
    public static ThreePhaseLoad unbalanced(
            double phaseVoltageV,
            double activePowerKw,
            double powerFactor,
            double frequencyHz,
            double imbalanceB,
            double imbalanceC) {
        if (!(phaseVoltageV > 0)) {
            throw new IllegalArgumentException("phase voltage must be positive, got " + phaseVoltageV);
        }
        if (activePowerKw < 0) {
            throw new IllegalArgumentException("a load draws power, got " + activePowerKw + " kW");
        }
        if (!(powerFactor > 0 && powerFactor <= 1)) {
            throw new IllegalArgumentException("power factor must be in (0, 1], got " + powerFactor);
        }
        // Trig-free: the phases sit at 0°, −120°, +120° and each current lags its voltage by φ with cos φ = PF.
        double sinPhi = Math.sqrt(1 - powerFactor * powerFactor);
        double iMean = activePowerKw * 1000 / (3 * phaseVoltageV * powerFactor);
        double ibMag = iMean * (1 + imbalanceB);
        double icMag = iMean * (1 + imbalanceC);
        double iaMag = 3 * iMean - ibMag - icMag;
        if (iaMag < 0 || ibMag < 0 || icMag < 0) {
            throw new IllegalArgumentException("imbalance too large: " + imbalanceB + ", " + imbalanceC);
        }
        return new ThreePhaseLoad(
                new Phasor(phaseVoltageV, 0),
                new Phasor(phaseVoltageV * COS120, -phaseVoltageV * SIN120),
                new Phasor(phaseVoltageV * COS120, phaseVoltageV * SIN120),
                new Phasor(iaMag * powerFactor, -iaMag * sinPhi),
                rotated(ibMag * powerFactor, -ibMag * sinPhi, -1),
                rotated(icMag * powerFactor, -icMag * sinPhi, 1),
                frequencyHz);
    }

    private static final double COS120 = -0.5;
    private static final double SIN120 = Math.sqrt(3) / 2;

    /** (re, im) rotated by +120° (sign 1) or −120° (sign −1). */
    private static Phasor rotated(double re, double im, int sign) {
        return new Phasor(re * COS120 - sign * im * SIN120, sign * re * SIN120 + im * COS120);
    }

    /** No supply at all: every voltage and current zero (an enterprise outage). */
    public static ThreePhaseLoad dead() {
        Phasor zero = new Phasor(0, 0);
        return new ThreePhaseLoad(zero, zero, zero, zero, zero, zero, 0);
    }

    /** True total active power, kW (EM-01: ΣU·I·cos φ). */
    public double activePowerKw() {
        return (ua.powerWith(ia).re() + ub.powerWith(ib).re() + uc.powerWith(ic).re()) / 1000;
    }

    /** True total reactive power, kvar. */
    public double reactivePowerKvar() {
        return (ua.powerWith(ia).im() + ub.powerWith(ib).im() + uc.powerWith(ic).im()) / 1000;
    }

    /** The same load with phase-x voltage lost (a broken fuse or neutral): that phase's voltage and power vanish. */
    public ThreePhaseLoad withVoltageLost(char phase) {
        Phasor zero = new Phasor(0, 0);
        switch (phase) {
            case 'a':
                return new ThreePhaseLoad(zero, ub, uc, ia, ib, ic, frequencyHz);
            case 'b':
                return new ThreePhaseLoad(ua, zero, uc, ia, ib, ic, frequencyHz);
            case 'c':
                return new ThreePhaseLoad(ua, ub, zero, ia, ib, ic, frequencyHz);
            default:
                throw new IllegalArgumentException("phase must be a, b or c, got " + phase);
        }
    }
}
