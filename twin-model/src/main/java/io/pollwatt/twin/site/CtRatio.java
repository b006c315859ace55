package io.pollwatt.twin.site;

/**
 * Current-transformer ratio (CT 变比), for example 200/5. The meters take CT primary ratings from 0.5 A to 1000 A
 * (D7).
 *
 * @param primaryAmps rated primary current
 * @param secondaryAmps rated secondary current (5 or 1)
 */
public record CtRatio(double primaryAmps, double secondaryAmps) {

    public CtRatio {
        if (!(primaryAmps > 0) || !(secondaryAmps > 0)) {
            throw new IllegalArgumentException("CT ratio must be positive, got " + primaryAmps + "/" + secondaryAmps);
        }
    }

    /** A ratio written {@code 200/5}. */
    public static CtRatio parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("CT ratio must be written primary/secondary, got '" + text + "'");
        }
        try {
            return new CtRatio(
                    Double.parseDouble(text.substring(0, slash).trim()),
                    Double.parseDouble(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CT ratio must be written primary/secondary, got '" + text + "'", e);
        }
    }

    /** K_CT = I_pn ÷ I_sn (200/5 → 40). */
    public double factor() {
        return primaryAmps / secondaryAmps;
    }

    @Override
    public String toString() {
        return fmt(primaryAmps) + "/" + fmt(secondaryAmps);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
