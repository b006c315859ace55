package io.pollwatt.platform.state;

import java.util.Objects;

/**
 * ST-02, ST-03, ST-05…07 for one point, one sample at a time in DataTime order: the state from the total active
 * power, or under the fallback (DQ-08 open, or wiring archived as faulty) from the mean phase current, OFF or RUN
 * only; hysteresis between P_on and P_off; a new state accepted after {@code state.debounceSamples} samples; a
 * missing or unusable sample is NO_DATA, and one such sample between two others is bridged (the state before it
 * is the previous state of the sample after it), two or more are not.
 */
public final class PointStateMachine {

    private static final double SQRT3 = Math.sqrt(3);

    private final PointRole role;
    private final Thresholds t;
    private final StateSettings settings;
    private final double iOn;
    private final double iOff;
    private OperatingState accepted = OperatingState.NO_DATA;
    private OperatingState pending;
    private int pendingCount;
    private int missing;

    /**
     * A machine for a point of {@code role} with thresholds {@code t}; {@code lineVoltageKv} (U_LL,n primary)
     * turns P_on into the fallback's current threshold I_on = P_on ÷ (√3·U_LL,n·PF).
     */
    public PointStateMachine(PointRole role, Thresholds t, StateSettings settings, double lineVoltageKv) {
        this.role = Objects.requireNonNull(role, "role");
        this.t = Objects.requireNonNull(t, "thresholds");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!(lineVoltageKv > 0)) {
            throw new IllegalArgumentException("the line voltage must be positive, got " + lineVoltageKv + " kV");
        }
        this.iOn = t.pOn() / (SQRT3 * lineVoltageKv * settings.fallbackPf());
        this.iOff = (1 - settings.hysteresisRatio()) * iOn;
    }

    /** A sample without usable power: missing, off the grid, flagged other than N or T (ST-07). */
    public OperatingState noData() {
        missing++;
        if (missing >= 2) {
            accepted = OperatingState.NO_DATA; // a longer gap: the state before it no longer counts
            pending = null;
        }
        return OperatingState.NO_DATA;
    }

    /** A sample with total active power {@code pKw}. */
    public OperatingState power(double pKw) {
        missing = 0;
        boolean on = accepted.on() ? pKw >= t.pOff() : pKw >= t.pOn();
        OperatingState candidate;
        if (!on) {
            candidate = OperatingState.OFF;
        } else if (t.pHi().isPresent() && pKw > t.pHi().getAsDouble()) {
            candidate = OperatingState.HIGH;
        } else if (role == PointRole.TREATMENT
                && t.lowBelow().isPresent()
                && pKw < t.lowBelow().getAsDouble()) {
            candidate = OperatingState.LOW;
        } else {
            candidate = OperatingState.RUN;
        }
        return settle(candidate);
    }

    /** A sample under the fallback: the mean phase-current magnitude {@code iAvgA}; OFF or RUN only (ST-02). */
    public OperatingState current(double iAvgA) {
        missing = 0;
        boolean on = accepted.on() ? iAvgA >= iOff : iAvgA >= iOn;
        return settle(on ? OperatingState.RUN : OperatingState.OFF);
    }

    private OperatingState settle(OperatingState candidate) {
        if (candidate == accepted || accepted == OperatingState.NO_DATA) {
            accepted = candidate; // nothing to hold on to after no data: the first state is taken at once
            pending = null;
            return accepted;
        }
        if (candidate == pending) {
            pendingCount++;
        } else {
            pending = candidate;
            pendingCount = 1;
        }
        if (pendingCount >= settings.debounceSamples()) {
            accepted = candidate;
            pending = null;
        }
        return accepted;
    }

    /** The state accepted so far. */
    public OperatingState state() {
        return accepted;
    }

    /** The fallback's start threshold, A. */
    public double currentOn() {
        return iOn;
    }
}
