package io.pollwatt.verification.scoring;

import io.pollwatt.twin.fault.Fault;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A fault a scenario staged, with the enterprise it belongs to and that enterprise's zone (the platform stores an
 * alarm's episode in the enterprise's local time).
 */
public record StagedFault(String enterpriseId, ZoneId zone, Fault fault) {

    public StagedFault {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fault, "fault");
    }
}
