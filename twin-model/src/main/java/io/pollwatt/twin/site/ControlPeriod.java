package io.pollwatt.twin.site;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A control period (停/限产, 应急减排, 错峰生产; domain-rules ALM-06/07/08): production must stop, or stay at or below a
 * ratio of its baseline, or shift away from a window.
 *
 * @param kind STOP, LIMIT or OFF_PEAK
 * @param start first instant (local time, Asia/Shanghai)
 * @param end first instant after the period
 * @param limitRatio for LIMIT: the allowed share of baseline production, (0, 1); 0 otherwise
 * @param productionIds the production points concerned; empty = all of the enterprise's
 */
public record ControlPeriod(
        Kind kind, LocalDateTime start, LocalDateTime end, double limitRatio, List<String> productionIds) {

    /** What the period demands. */
    public enum Kind {
        /** 停产: production stops. */
        STOP,
        /** 限产: production at most {@code limitRatio} of baseline. */
        LIMIT,
        /** 错峰生产: no production inside the window. */
        OFF_PEAK
    }

    public ControlPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        productionIds = List.copyOf(productionIds);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("control period must end after it starts: " + start + " .. " + end);
        }
        if (kind == Kind.LIMIT ? !(limitRatio > 0 && limitRatio < 1) : limitRatio != 0) {
            throw new IllegalArgumentException(kind + " period: limit ratio " + limitRatio
                    + (kind == Kind.LIMIT ? " must be in (0, 1)" : " must be 0"));
        }
    }

    /** Whether {@code t} lies inside the period. */
    public boolean contains(LocalDateTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
