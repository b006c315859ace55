package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 指令参数 CP, the data area between {@code CP=&&} and {@code &&} (hj212-2017.md §10):
 *
 * <pre>
 *   data-area = [ item *( ";" item ) ]      item = pair *( "," pair )      pair = name "=" value
 *   DataTime=20160801085857;w01018-Rtd=2.2,w01018-Flag=N;w00000-Rtd=11.3,w00000-Flag=N
 * </pre>
 *
 * <p>Items and pairs keep their wire order and their literal values, so a decoded strict frame encodes back byte
 * for byte. Names are unique within one CP.
 *
 * @param items the items in wire order; empty for {@code CP=&&&&}
 */
public record Cp(List<CpItem> items) {

    /** The empty data area {@code CP=&&&&} of requests without parameters and of every acknowledgement. */
    public static final Cp EMPTY = new Cp(List.of());

    public Cp {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** A data area of the given items. */
    public static Cp of(CpItem... items) {
        return new Cp(List.of(items));
    }

    /** Whether the data area has no pairs. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** All pairs in wire order. */
    public List<CpPair> pairs() {
        List<CpPair> out = new ArrayList<>();
        for (CpItem item : items) {
            out.addAll(item.pairs());
        }
        return out;
    }

    /** The literal value of {@code name}, if present. */
    public Optional<String> get(String name) {
        for (CpItem item : items) {
            for (CpPair pair : item.pairs()) {
                if (pair.name().equals(name)) {
                    return Optional.of(pair.value());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a pair named {@code name} is present. */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * A time field ({@code DataTime}, {@code BeginTime}, {@code EndTime}, {@code SystemTime}, {@code RestartTime},
     * {@code xxxxxx-SampleTime}) as a local time; the 17-digit form with milliseconds is read too. Empty when the
     * field is absent or not a valid time.
     */
    public Optional<LocalDateTime> time(String name) {
        return get(name).map(v -> Syntax.parseTime(v, true));
    }

    /** {@code DataTime}: the acquisition instant (2011, 2021) or the interval start (2031, 2041, 2051, 2061). */
    public Optional<LocalDateTime> dataTime() {
        return time("DataTime");
    }

    /** An integer parameter such as {@code RtdInterval}, {@code OverTime} or {@code QnRtn}. */
    public Optional<Integer> integer(String name) {
        return get(name).filter(v -> Syntax.isDigits(v, 1, 9)).map(Integer::valueOf);
    }

    /**
     * The values grouped by factor: every pair named {@code code-Suffix} (such as {@code w01018-Rtd},
     * {@code SB1-RS}, {@code i11001-Info}), in order of first appearance. Pairs without a suffix
     * ({@code DataTime}, {@code PolId}) are not factors.
     */
    public List<FactorValues> factors() {
        Map<String, List<CpPair>> byCode = new LinkedHashMap<>();
        for (CpItem item : items) {
            for (CpPair pair : item.pairs()) {
                int dash = pair.name().indexOf('-');
                if (dash > 0) {
                    byCode.computeIfAbsent(pair.name().substring(0, dash), k -> new ArrayList<>())
                            .add(pair);
                }
            }
        }
        List<FactorValues> out = new ArrayList<>(byCode.size());
        byCode.forEach((code, pairs) -> out.add(new FactorValues(code, pairs)));
        return out;
    }

    /** The values of one factor, if the CP has any. */
    public Optional<FactorValues> factor(String code) {
        List<CpPair> pairs = new ArrayList<>();
        for (CpItem item : items) {
            for (CpPair pair : item.pairs()) {
                String name = pair.name();
                if (name.length() > code.length() && name.startsWith(code) && name.charAt(code.length()) == '-') {
                    pairs.add(pair);
                }
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(new FactorValues(code, pairs));
    }

    /** Number of bytes the data area takes between {@code CP=&&} and {@code &&} when encoded (UTF-8). */
    public int encodedLength() {
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                n++;
            }
            List<CpPair> pairs = items.get(i).pairs();
            for (int j = 0; j < pairs.size(); j++) {
                if (j > 0) {
                    n++;
                }
                CpPair p = pairs.get(j);
                n += utf8Length(p.name()) + 1 + utf8Length(p.value());
            }
        }
        return n;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            List<CpPair> pairs = items.get(i).pairs();
            for (int j = 0; j < pairs.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(pairs.get(j));
            }
        }
        return sb.toString();
    }
}
