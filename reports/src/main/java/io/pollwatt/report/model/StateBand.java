package io.pollwatt.report.model;

import java.time.Instant;

/** A stretch of time [start, end) in which a point was in one operating state: the twin's truth or the platform's. */
public record StateBand(String pointId, Instant start, Instant end, OperatingState state) {
    public StateBand {
        Require.text("StateBand", "pointId", pointId);
        Require.present("StateBand", "end", end);
        Require.ordered("StateBand " + pointId, start, end);
        Require.present("StateBand", "state", state);
    }
}
