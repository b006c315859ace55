package io.pollwatt.emulator.code;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which HJ 212 factor code carries which quantity of which meter. HJ 212-2017 standardises no electrical codes
 * (hj212-2017.md §15), so the table is per deployment (rulebook D2).
 *
 * <p><b>pollwatt's default table</b> (pollwatt's own, not a standard) follows the standard's working-condition
 * pattern {@code [e|g] P FF DD} (§14.5) with process digit 7, which Table B.6 leaves reserved: {@code g7QQMM} is
 * quantity QQ ({@link Quantity#number()}, 01–19) of meter MM (01–99) of the DTU. {@code g71301-Rtd} is the total
 * active power of the DTU's first meter.
 */
public final class FactorCodeTable {

    private final String prefix;
    private final Map<Quantity, String> overrides;

    private FactorCodeTable(String prefix, Map<Quantity, String> overrides) {
        this.prefix = prefix;
        this.overrides = overrides;
    }

    /** pollwatt's default table, {@code g7QQMM}. */
    public static FactorCodeTable pollwattDefault() {
        return new FactorCodeTable("g7", new EnumMap<>(Quantity.class));
    }

    /**
     * A table that writes {@code codes.get(q)} followed by the two-digit meter number for the given quantities,
     * and the default code for the others. Codes are 4 letters or digits (the factor code is 6 characters).
     */
    public static FactorCodeTable withCodes(Map<Quantity, String> codes) {
        Map<Quantity, String> copy = new EnumMap<>(Quantity.class);
        codes.forEach((q, c) -> {
            Objects.requireNonNull(c, "code of " + q);
            if (c.length() != 4 || !c.chars().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("code of " + q + " must be 4 letters or digits, got '" + c + "'");
            }
            copy.put(q, c);
        });
        return new FactorCodeTable("g7", copy);
    }

    /** The factor code of quantity {@code q} of meter number {@code meter} (1–99 within one DTU). */
    public String code(Quantity q, int meter) {
        if (meter < 1 || meter > 99) {
            throw new IllegalArgumentException("meter number must be 1..99 within one DTU, got " + meter);
        }
        String head = overrides.getOrDefault(q, prefix + two(q.number()));
        return head + two(meter);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
