package io.pollwatt.platform.http;

import java.util.List;

/**
 * One answer of a list endpoint: the {@code items} in the endpoint's order, the {@code limit} applied, and whether
 * {@code more} items match beyond it.
 */
record Page<T>(List<T> items, int limit, boolean more) {

    /** From up to {@code limit + 1} rows read: the extra row only tells that there are more. */
    static <T> Page<T> of(List<T> rows, int limit) {
        boolean more = rows.size() > limit;
        return new Page<>(List.copyOf(more ? rows.subList(0, limit) : rows), limit, more);
    }
}
