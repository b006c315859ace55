package io.pollwatt.verification.validation;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a validation run was, for its outputs: enough to replay it and to judge how much evidence a curve rests on.
 *
 * @param seed the run seed
 * @param enterprises how many generated enterprises
 * @param points metering points per enterprise
 * @param days simulated days
 * @param start the first simulated instant, local time
 * @param zone the enterprises' zone
 * @param faultRate faults per enterprise and day asked for
 * @param faults staged faults by kind
 * @param command the command line that replays the run
 */
public record RunInfo(
        long seed,
        int enterprises,
        int points,
        double days,
        LocalDateTime start,
        ZoneId zone,
        double faultRate,
        Map<String, Integer> faults,
        String command) {

    public RunInfo {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        faults = Collections.unmodifiableMap(new TreeMap<>(faults));
        Objects.requireNonNull(command, "command");
    }

    /** How many faults were staged in all. */
    public int faultCount() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }
}
