package io.pollwatt.twin.site;

/**
 * Voltage-transformer ratio (PT 变比) of a high-voltage incomer, for example 10000/100; {@link #NONE} on 380 V
 * circuits.
 *
 * @param primaryVolts rated primary line voltage
 * @param secondaryVolts rated secondary line voltage
 */
public record PtRatio(double primaryVolts, double secondaryVolts) {

    /** No PT: a 380 V circuit, K_PT = 1. */
    public static final PtRatio NONE = new PtRatio(1, 1);

    public PtRatio {
        if (!(primaryVolts > 0) || !(secondaryVolts > 0)) {
            throw new IllegalArgumentException("PT ratio must be positive, got " + primaryVolts + "/" + secondaryVolts);
        }
    }

    /** K_PT = U_pn ÷ U_sn. */
    public double factor() {
        return primaryVolts / secondaryVolts;
    }
}
