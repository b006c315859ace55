package io.pollwatt.twin.site;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A treatment group (治污设施组, 主备关系): TREAT points of which at least {@code requiredRunning} must run ("one duty,
 * one standby" is 2 members, k = 1). The twin starts the group {@code lead} before its production starts and stops it
 * {@code lag} after production stops (negative values: late start / early stop, the ALM-02/03 faults' normal state).
 *
 * @param id group id
 * @param members TREAT point ids, duty first
 * @param requiredRunning k
 * @param lead how long before production the group starts
 * @param lag how long after production the group stops
 */
public record TreatmentGroup(String id, List<String> members, int requiredRunning, Duration lead, Duration lag) {

    public TreatmentGroup {
        Ids.check(id, "group id");
        members = List.copyOf(members);
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(lag, "lag");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group " + id + " needs at least one member");
        }
        if (requiredRunning < 1 || requiredRunning > members.size()) {
            throw new IllegalArgumentException(
                    "group " + id + ": required running must be 1.." + members.size() + ", got " + requiredRunning);
        }
        if (members.stream().distinct().count() != members.size()) {
            throw new IllegalArgumentException("group " + id + " lists a member twice: " + members);
        }
    }
}
