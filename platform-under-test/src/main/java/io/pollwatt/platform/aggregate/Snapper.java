package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * AGG-01 and DQ-18: assigns each reading to the grid instant within the tolerance of its DataTime; a reading near
 * no grid instant is not used; of two readings for one instant the first received is kept, an identical second is
 * a resend and dropped silently, a different second is a finding.
 */
final class Snapper {

    private final long step;
    private final long tolerance;

    Snapper(Duration interval, Duration tolerance) {
        this.step = interval.toSeconds();
        this.tolerance = tolerance.toSeconds();
    }

    /** The grid instant {@code t} belongs to, or {@code null} when it is too far from every one. */
    LocalDateTime snap(LocalDateTime t) {
        long seconds = t.toLocalTime().toSecondOfDay(); // DataTime has whole seconds
        long below = Math.floorDiv(seconds, step) * step;
        if (seconds == below && t.getNano() == 0) {
            return t; // on the grid, as nearly every reading is: nothing to compute or allocate
        }
        LocalDateTime midnight = t.toLocalDate().atStartOfDay();
        if (seconds - below <= tolerance) {
            return midnight.plusSeconds(below);
        }
        if (below + step - seconds <= tolerance) {
            return midnight.plusSeconds(below + step);
        }
        return null;
    }

    /**
     * The grid instants of {@code readings}, added to {@code instants}, with the findings {@link #snapAll} would give
     * (in the same order), for a quantity whose values nobody reads: a hash set instead of a sorted map, since this
     * runs for every quantity of every point on every rule tick.
     */
    void snapInstants(String what, List<Reading> readings, List<Finding> findings, Set<LocalDateTime> instants) {
        Map<LocalDateTime, BigDecimal> kept = new HashMap<>(readings.size() * 2);
        for (Reading r : readings) {
            LocalDateTime at = snap(r.time());
            if (at == null) {
                findings.add(offGrid(what, r));
                continue;
            }
            BigDecimal first = kept.putIfAbsent(at, r.value());
            if (first == null) {
                instants.add(at);
            } else if (first.compareTo(r.value()) != 0) {
                findings.add(twice(what, at, first, r.value()));
            }
        }
    }

    /** {@code readings} on the grid, by instant; what could not be placed goes to {@code findings}. */
    NavigableMap<LocalDateTime, Reading> snapAll(String what, List<Reading> readings, List<Finding> findings) {
        NavigableMap<LocalDateTime, Reading> out = new TreeMap<>();
        for (Reading r : readings) {
            LocalDateTime at = snap(r.time());
            if (at == null) {
                findings.add(offGrid(what, r));
                continue;
            }
            Reading kept = out.get(at);
            if (kept == null) {
                out.put(at, new Reading(at, r.value()));
            } else if (kept.value().compareTo(r.value()) != 0) {
                findings.add(twice(what, at, kept.value(), r.value()));
            }
        }
        return out;
    }

    /** DQ-18: a reading near no grid instant, not used. */
    private static Finding offGrid(String what, Reading r) {
        return new Finding("DQ-18", r.time(), what + " stamped " + r.time() + " is on no grid instant");
    }

    /** DQ-18: a second, different value for an instant; the first received is kept. */
    private static Finding twice(String what, LocalDateTime at, BigDecimal kept, BigDecimal other) {
        return new Finding(
                "DQ-18",
                at,
                what + " at " + at + " received twice with different values: " + kept + " kept, " + other
                        + " set aside");
    }
}
