package io.pollwatt.platform.state;

import java.util.Collection;

/** ST-08: the state of a treatment group of which {@code required} members must run (主备: one duty, one standby). */
public final class GroupState {

    private GroupState() {}

    /** With r members RUN or HIGH, l LOW and n NO_DATA, tested in this order. */
    public static OperatingState of(Collection<OperatingState> members, int required) {
        if (required < 1) {
            throw new IllegalArgumentException("a group needs at least 1 required member, got " + required);
        }
        int r = 0;
        int l = 0;
        int n = 0;
        for (OperatingState s : members) {
            if (s.running()) {
                r++;
            } else if (s == OperatingState.LOW) {
                l++;
            } else if (s == OperatingState.NO_DATA) {
                n++;
            }
        }
        if (r >= required) {
            return OperatingState.RUN;
        }
        if (r + n >= required) {
            return OperatingState.NO_DATA; // the missing members could make it RUN
        }
        if (r + l >= required) {
            return OperatingState.LOW;
        }
        if (r + l + n >= required) {
            return OperatingState.NO_DATA;
        }
        return OperatingState.OFF;
    }
}
