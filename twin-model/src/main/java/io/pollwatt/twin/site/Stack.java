package io.pollwatt.twin.site;

import java.util.List;
import java.util.Objects;

/**
 * A stack (排放口) and the facilities that discharge through it (domain-rules §1.2, stack association).
 *
 * @param id stack id
 * @param heightM height, m (the textile company's 15 m and 45 m)
 * @param productionIds production points discharging here
 * @param groupIds treatment groups treating what goes out here
 * @param analyzer the VOC analyzer, or {@code null} when the stack has none
 */
public record Stack(
        String id, double heightM, List<String> productionIds, List<String> groupIds, VocAnalyzer analyzer) {

    public Stack {
        Ids.check(id, "stack id");
        productionIds = List.copyOf(productionIds);
        groupIds = List.copyOf(groupIds);
        if (!(heightM > 0)) {
            throw new IllegalArgumentException("stack " + id + ": height must be positive, got " + heightM);
        }
        Objects.requireNonNull(productionIds, "productionIds");
    }
}
