package io.pollwatt.verification.scoring;

import io.pollwatt.twin.fault.Fault;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A fault a scenario staged, with the enterprise it belongs to and that enterprise's zone (the platform stores an
 * alarm's episode in the enterprise's local time), and the rules expected to find it in this scenario: the fault's own
 * {@link Fault#expectedRules()}, or none where the platform cannot judge it (see {@link #unjudged}).
 */
public record StagedFault(String enterpriseId, ZoneId zone, Fault fault, List<String> expectedRules) {

    public StagedFault {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fault, "fault");
        expectedRules = List.copyOf(expectedRules);
    }

    /** A fault with the rules it names itself. */
    public StagedFault(String enterpriseId, ZoneId zone, Fault fault) {
        this(enterpriseId, zone, fault, fault.expectedRules());
    }

    /**
     * A fault on a point the platform's archive does not have: the platform cannot judge that point's operation or
     * its data, so nothing is expected of it (the fault's forbidden rules still hold). Archive faults are the
     * exception: what the archive lacks is their subject.
     */
    public static StagedFault unjudged(String enterpriseId, ZoneId zone, Fault fault) {
        return new StagedFault(enterpriseId, zone, fault, List.of());
    }
}
