package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The values one factor carries in a CP (Table 4): {@code w01018-Rtd=2.2,w01018-Flag=N} is factor {@code w01018}
 * with {@code Rtd} 2.2 and {@code Flag} N. Values stay literal; the typed accessors read them on demand.
 *
 * @param code the factor code, such as {@code w01018}, {@code g70101} or {@code SB1}
 * @param pairs the pairs named {@code code-Suffix}, in wire order
 */
public record FactorValues(String code, List<CpPair> pairs) {

    public FactorValues {
        Objects.requireNonNull(code, "code");
        pairs = List.copyOf(pairs);
    }

    /** The literal value with the given suffix ({@code Rtd}, {@code Avg}, {@code Flag}, {@code EFlag}, …). */
    public Optional<String> literal(String suffix) {
        for (CpPair p : pairs) {
            String name = p.name();
            if (name.length() == code.length() + 1 + suffix.length() && name.endsWith(suffix)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** A numeric value with the given suffix, exactly as sent (scale kept: {@code 1.230} has scale 3). */
    public Optional<BigDecimal> decimal(String suffix) {
        return literal(suffix).filter(Syntax::isNumber).map(BigDecimal::new);
    }

    /** {@code -Rtd}: the real-time value. */
    public Optional<BigDecimal> rtd() {
        return decimal("Rtd");
    }

    /** {@code -Avg}: the mean over the interval. */
    public Optional<BigDecimal> avg() {
        return decimal("Avg");
    }

    /** {@code -Min}: the minimum over the interval. */
    public Optional<BigDecimal> min() {
        return decimal("Min");
    }

    /** {@code -Max}: the maximum over the interval. */
    public Optional<BigDecimal> max() {
        return decimal("Max");
    }

    /** {@code -Cou}: the cumulative amount over the interval. */
    public Optional<BigDecimal> cou() {
        return decimal("Cou");
    }

    /** {@code -ZsRtd}: the converted (折算) real-time value. */
    public Optional<BigDecimal> zsRtd() {
        return decimal("ZsRtd");
    }

    /** The literal {@code -Flag} letter, if sent. Letters outside Table 8 are kept; see {@link #dataFlag()}. */
    public Optional<String> flagLetter() {
        return literal("Flag");
    }

    /** {@code -Flag} as a Table 8 flag; empty when absent or an unknown letter (never read as normal). */
    public Optional<DataFlag> dataFlag() {
        return flagLetter().flatMap(DataFlag::fromWire);
    }

    /** {@code -EFlag}: the instrument's own extended flag (C4). */
    public Optional<String> eFlag() {
        return literal("EFlag");
    }
}
