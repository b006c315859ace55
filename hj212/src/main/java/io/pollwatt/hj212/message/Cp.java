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
 * for byte. Names are unique within one CP. A value: equal to any other {@code Cp} with the same items.
 */
public final class Cp {

    /** The empty data area {@code CP=&&&&} of requests without parameters and of every acknowledgement. */
    public static final Cp EMPTY = new Cp(List.of());

    private static final int[] NO_LAYOUT = new int[0];

    /** The decoded data area the pairs are cut from, or {@code null} when built from items. */
    private final String source;
    /** Five ints per pair: name start, name end, value start, value end, 1 when the pair starts an item. */
    private final int[] layout;

    private final int pairCount;
    /** The items, built on first use when the Cp came from {@link #fromLayout}; benign race. */
    private volatile List<CpItem> items;

    /**
     * A data area of the given items.
     *
     * @param items the items in wire order; empty for {@code CP=&&&&}
     */
    public Cp(List<CpItem> items) {
        this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        this.source = null;
        this.layout = NO_LAYOUT;
        int n = 0;
        for (CpItem item : this.items) {
            n += item.pairs().size();
        }
        this.pairCount = n;
    }

    private Cp(String source, int[] layout, int pairCount) {
        this.source = source;
        this.layout = layout;
        this.pairCount = pairCount;
    }

    /**
     * A data area that keeps the decoded text and cuts its pairs out on first use, so that decoding a frame
     * allocates no object per pair. For decoders: {@code layout} holds five ints per pair (name start, name end,
     * value start, value end, and 1 when the pair starts an item) indexing {@code source}; names and values must
     * already be checked, since {@link CpPair} checks them again only when the pairs are built.
     */
    public static Cp fromLayout(String source, int[] layout, int pairCount) {
        Objects.requireNonNull(source, "source");
        if (pairCount == 0) {
            return EMPTY;
        }
        if (layout.length < pairCount * 5 || layout[4] != 1) {
            throw new IllegalArgumentException("layout of " + pairCount + " pairs must start an item");
        }
        return new Cp(source, layout, pairCount);
    }

    /** A data area of the given items. */
    public static Cp of(CpItem... items) {
        return new Cp(List.of(items));
    }

    /** The items in wire order. */
    public List<CpItem> items() {
        List<CpItem> built = items;
        if (built == null) {
            built = buildItems();
            items = built;
        }
        return built;
    }

    private List<CpItem> buildItems() {
        List<CpItem> out = new ArrayList<>();
        List<CpPair> group = new ArrayList<>(4);
        for (int p = 0; p < pairCount; p++) {
            int at = p * 5;
            if (layout[at + 4] == 1 && !group.isEmpty()) {
                out.add(new CpItem(group));
                group.clear();
            }
            group.add(new CpPair(
                    source.substring(layout[at], layout[at + 1]), source.substring(layout[at + 2], layout[at + 3])));
        }
        out.add(new CpItem(group));
        return List.copyOf(out);
    }

    /** Number of pairs. */
    public int size() {
        return pairCount;
    }

    /** Whether the data area has no pairs. */
    public boolean isEmpty() {
        return pairCount == 0;
    }

    /** All pairs in wire order. */
    public List<CpPair> pairs() {
        List<CpPair> out = new ArrayList<>();
        for (CpItem item : items()) {
            out.addAll(item.pairs());
        }
        return out;
    }

    /** The literal value of {@code name}, if present. */
    public Optional<String> get(String name) {
        if (source != null && items == null) {
            int at = layoutIndexOf(name);
            return at < 0 ? Optional.empty() : Optional.of(source.substring(layout[at + 2], layout[at + 3]));
        }
        for (CpItem item : items()) {
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
        return source != null && items == null
                ? layoutIndexOf(name) >= 0
                : get(name).isPresent();
    }

    /** Where the pair named {@code name} starts in the layout, without cutting out any string; -1 when absent. */
    private int layoutIndexOf(String name) {
        int n = name.length();
        for (int p = 0; p < pairCount; p++) {
            int at = p * 5;
            if (layout[at + 1] - layout[at] == n && source.startsWith(name, layout[at])) {
                return at;
            }
        }
        return -1;
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
        for (CpItem item : items()) {
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
        for (CpItem item : items()) {
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
        List<CpItem> all = items();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                n++;
            }
            List<CpPair> pairs = all.get(i).pairs();
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

    /** Equal when the items are equal, however each side was built. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Cp other && pairCount == other.pairCount && items().equals(other.items()));
    }

    @Override
    public int hashCode() {
        return items().hashCode();
    }

    /** The data area as written on the wire ({@code DataTime=…;w01018-Rtd=2.2,w01018-Flag=N}). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        List<CpItem> all = items();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            List<CpPair> pairs = all.get(i).pairs();
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
