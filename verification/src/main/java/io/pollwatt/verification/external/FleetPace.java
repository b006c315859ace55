package io.pollwatt.verification.external;

import io.pollwatt.emulator.device.Sender;
import java.time.Duration;

/** How emulated devices pace themselves when their time runs faster than real time against a real platform. */
public final class FleetPace {

    private FleetPace() {}

    /**
     * HJ 212's 10 s answer timeout, stretched in fast scaled time to at least a quarter second of wall time: at
     * x3600 10 s are 3 ms, less than a loaded machine takes to answer over loopback, and every late answer would
     * count as a loss.
     */
    public static Sender.Settings senderSettings(double factor) {
        Sender.Settings d = Sender.Settings.defaults();
        Duration overTime = Duration.ofMillis(Math.max(d.overTime().toMillis(), (long) (factor * 250)));
        return new Sender.Settings(overTime, d.reCount(), d.resendPerMinute(), d.backoff());
    }
}
