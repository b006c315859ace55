package io.pollwatt.hj212.message;

import java.util.List;
import java.util.Objects;

/**
 * One item of the CP data area: pairs that belong together, joined by {@code ,} on the wire, such as one factor's
 * {@code w01018-Rtd=2.2,w01018-Flag=N}. Items are separated by {@code ;} (clause 6.3.3.1).
 *
 * @param pairs the pairs in wire order, at least one
 */
public record CpItem(List<CpPair> pairs) {

    public CpItem {
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a CP item needs at least one pair");
        }
    }

    /** An item of the given pairs. */
    public static CpItem of(CpPair... pairs) {
        return new CpItem(List.of(pairs));
    }

    /** An item of one pair. */
    public static CpItem of(String name, String value) {
        return new CpItem(List.of(new CpPair(name, value)));
    }
}
