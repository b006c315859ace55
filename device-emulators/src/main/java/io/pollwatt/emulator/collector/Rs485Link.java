package io.pollwatt.emulator.collector;

import java.util.Objects;
import java.util.Random;

/**
 * The RS485 line between a data collector and its analyzer, polled with Modbus RTU (hj212-2017.md §1: clause 7
 * recommends it): a poll can time out or come back with a bad CRC, and the collector asks again up to {@code
 * retries} times. A poll that never succeeds is a communication failure, flag B.
 */
public final class Rs485Link {

    /** What a poll came to. */
    public enum Outcome {
        /** The analyzer answered. */
        OK,
        /** No answer within the Modbus timeout, every time. */
        TIMEOUT,
        /** Answers with a bad CRC, every time. */
        CRC_ERROR
    }

    private final double timeoutProbability;
    private final double crcErrorProbability;
    private final int retries;
    private final Random random;

    /** A line that times out and corrupts answers with the given probabilities, asked again {@code retries} times. */
    public Rs485Link(double timeoutProbability, double crcErrorProbability, int retries, Random random) {
        if (!(timeoutProbability >= 0
                && timeoutProbability <= 1
                && crcErrorProbability >= 0
                && crcErrorProbability <= 1)) {
            throw new IllegalArgumentException(
                    "probabilities must be in [0, 1], got " + timeoutProbability + ", " + crcErrorProbability);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        this.timeoutProbability = timeoutProbability;
        this.crcErrorProbability = crcErrorProbability;
        this.retries = retries;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A clean line. */
    public static Rs485Link clean(Random random) {
        return new Rs485Link(0, 0, 2, random);
    }

    /** One poll, with retries. */
    public Outcome poll() {
        Outcome last = Outcome.OK;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (random.nextDouble() < timeoutProbability) {
                last = Outcome.TIMEOUT;
            } else if (random.nextDouble() < crcErrorProbability) {
                last = Outcome.CRC_ERROR;
            } else {
                return Outcome.OK;
            }
        }
        return last;
    }
}
