package io.pollwatt.twin.site;

import io.pollwatt.twin.electric.Wiring;
import java.util.Objects;

/**
 * A metered circuit: its nominal voltage and how its meter is wired. 380 V circuits have a phase voltage of 220 V;
 * a 10 kV or 20 kV incomer is metered through a PT.
 *
 * @param nominalLineVoltageV U_LL,n, primary
 * @param wiring 3P4W or 3P3W
 * @param pt the PT ratio, {@link PtRatio#NONE} on low voltage
 */
public record Circuit(double nominalLineVoltageV, Wiring wiring, PtRatio pt) {

    /** A 380 V three-phase four-wire circuit. */
    public static final Circuit LOW_VOLTAGE_3P4W = new Circuit(380, Wiring.THREE_PHASE_FOUR_WIRE, PtRatio.NONE);

    public Circuit {
        Objects.requireNonNull(wiring, "wiring");
        Objects.requireNonNull(pt, "pt");
        if (!(nominalLineVoltageV > 0)) {
            throw new IllegalArgumentException("nominal line voltage must be positive, got " + nominalLineVoltageV);
        }
    }

    /** U_n = U_LL,n ÷ √3. */
    public double nominalPhaseVoltageV() {
        return nominalLineVoltageV / Math.sqrt(3);
    }
}
