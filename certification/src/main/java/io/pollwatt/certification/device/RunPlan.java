package io.pollwatt.certification.device;

import io.pollwatt.certification.catalogue.Declaration;
import java.time.Duration;
import java.util.Objects;

/**
 * How long each phase of a device certification run lasts. Device-time phases ({@code observe}, {@code outage},
 * {@code resend}) pass on the {@link Timeline}; {@code answerTimeout} and {@code connectTimeout} are wall time, how
 * long the tester waits for a frame or a connection.
 *
 * @param observe watching live uploads before any command (two hours see one 2061 between two 2011 boundary readings;
 *     a 2031 needs a day)
 * @param outage how long connections are refused (at least two RtdIntervals)
 * @param resend how long the device gets to resend after the refusal
 * @param answerTimeout how long the tester waits for the next frame of an exchange it started
 * @param connectTimeout how long the tester waits for the device to (re)connect
 */
public record RunPlan(
        Duration observe, Duration outage, Duration resend, Duration answerTimeout, Duration connectTimeout) {

    public RunPlan {
        Objects.requireNonNull(observe, "observe");
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(resend, "resend");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** For a real device: observe 2 h 10 min, refuse for two RtdIntervals and 5 min, 30 min to resend, 30 s, 10 min. */
    public static RunPlan live(Declaration d) {
        return new RunPlan(
                Duration.ofMinutes(130),
                d.rtdInterval().multipliedBy(2).plusMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    /** The same plan with another observation period. */
    public RunPlan withObserve(Duration d) {
        return new RunPlan(d, outage, resend, answerTimeout, connectTimeout);
    }

    /** The same plan with another refusal period. */
    public RunPlan withOutage(Duration d) {
        return new RunPlan(observe, d, resend, answerTimeout, connectTimeout);
    }
}
