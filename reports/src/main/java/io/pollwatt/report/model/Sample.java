package io.pollwatt.report.model;

import java.time.Instant;

/**
 * One realtime record of a metering point: total active power and mean phase current. A null value is a
 * missing reading and is drawn as a gap.
 */
public record Sample(Instant time, Double activePowerKw, Double currentAmps) {
    public Sample {
        Require.present("Sample", "time", time);
    }
}
