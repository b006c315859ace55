package io.pollwatt.platform.ingest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's CP names in the order jsonb keeps an object's keys: shorter first, then bytewise (the same as by chars
 * for the ASCII names of HJ 212). The server sorts the keys of every object it takes in, and found a frame's names
 * (its {@code -Rtd} and {@code -Flag} alternate) costly to sort: 17 % of the writers' backend CPU at half the full
 * ingest load; already in order, its sort ends after one pass. The stored value is the same in any order. A device
 * sends the same names frame after frame, so each set's order is worked out once and remembered (sorting 240 names
 * per frame was 10 % of the platform's own CPU).
 *
 * <p>Used by one writer thread only.
 */
final class JsonbOrder {

    static final Comparator<String> ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /** Distinct name lists remembered at most; past that, forgotten all at once and learnt again. */
    private static final int MAX_REMEMBERED = 1024;

    private final Map<List<String>, String[]> sorted = new HashMap<>();

    /** The names of {@code pairs} in jsonb's order (the array is shared: do not change it). */
    String[] of(Map<String, String> pairs) {
        List<String> names = List.copyOf(pairs.keySet());
        String[] known = sorted.get(names);
        if (known != null) {
            return known;
        }
        if (sorted.size() >= MAX_REMEMBERED) {
            sorted.clear();
        }
        String[] order = names.toArray(new String[0]);
        Arrays.sort(order, ORDER);
        sorted.put(names, order);
        return order;
    }
}
