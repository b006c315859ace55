package io.pollwatt.twin.electric;

/**
 * A meter's active-energy registers (EM-07): import (正向有功总电能) grows while the measured total P is positive,
 * export (反向) while it is negative. Both wrap to zero past {@link #maxKwh()} (DL/T 645 style XXXXXX.XX kWh: 999 999.99)
 * and can be set by faults (reset, jump). Mutable: one per simulated meter, owned by the simulation thread.
 */
public final class EnergyRegister {

    /** DL/T 645 style register maximum. */
    public static final double DLT645_MAX_KWH = 999_999.99;

    private final double maxKwh;
    private double importKwh;
    private double exportKwh;

    /** Registers starting at {@code importKwh} / {@code exportKwh}, wrapping past {@code maxKwh}. */
    public EnergyRegister(double importKwh, double exportKwh, double maxKwh) {
        if (!(maxKwh > 0) || importKwh < 0 || exportKwh < 0 || importKwh > maxKwh || exportKwh > maxKwh) {
            throw new IllegalArgumentException(
                    "registers must lie in [0, " + maxKwh + "], got import " + importKwh + ", export " + exportKwh);
        }
        this.maxKwh = maxKwh;
        this.importKwh = importKwh;
        this.exportKwh = exportKwh;
    }

    /** Adds {@code measuredKw} held for {@code seconds} to the register its sign selects. */
    public void integrate(double measuredKw, double seconds) {
        double kwh = Math.abs(measuredKw) * seconds / 3600;
        if (measuredKw > 0) {
            importKwh = wrap(importKwh + kwh);
        } else if (measuredKw < 0) {
            exportKwh = wrap(exportKwh + kwh);
        }
    }

    private double wrap(double v) {
        return v > maxKwh ? v - maxKwh : v;
    }

    /** Sets the import register (meter replaced: 0; register jump: any value). */
    public void setImportKwh(double kwh) {
        if (kwh < 0 || kwh > maxKwh) {
            throw new IllegalArgumentException("import register must lie in [0, " + maxKwh + "], got " + kwh);
        }
        importKwh = kwh;
    }

    /** Import active energy, kWh. */
    public double importKwh() {
        return importKwh;
    }

    /** Export active energy, kWh. */
    public double exportKwh() {
        return exportKwh;
    }

    /** The largest value before the register wraps to zero. */
    public double maxKwh() {
        return maxKwh;
    }
}
