package io.pollwatt.emulator.lora;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * The LoRa link between one meter and its DTU (domain-rules §1.4). Each transmission is delivered after its airtime
 * (Semtech's formula, 125 kHz, coding rate 4/5, 8-symbol preamble, explicit header, CRC, low-data-rate
 * optimisation at SF11/SF12), or lost: at random with the link's loss probability, during an interference burst,
 * or because the sender's duty-cycle budget forbids sending yet. A lost poll leaves a gap; nothing is invented.
 * Deterministic for a given random stream. Not thread-safe: one link, one simulation thread.
 */
public final class LoraLink {

    /** How a link behaves. */
    public record Config(
            int spreadingFactor,
            double lossProbability,
            double dutyCycle,
            double burstsPerHour,
            Duration burstLength,
            Duration processingLatency) {

        public Config {
            if (spreadingFactor < 7 || spreadingFactor > 12) {
                throw new IllegalArgumentException("spreading factor must be 7..12, got " + spreadingFactor);
            }
            if (!(lossProbability >= 0 && lossProbability <= 1)) {
                throw new IllegalArgumentException("loss probability must be in [0, 1], got " + lossProbability);
            }
            if (!(dutyCycle > 0 && dutyCycle <= 1)) {
                throw new IllegalArgumentException("duty cycle must be in (0, 1], got " + dutyCycle);
            }
            if (burstsPerHour < 0) {
                throw new IllegalArgumentException("bursts per hour must not be negative, got " + burstsPerHour);
            }
            Objects.requireNonNull(burstLength, "burstLength");
            Objects.requireNonNull(processingLatency, "processingLatency");
        }

        /** A clean SF9 link, 1 % duty cycle (EU868-style; CN470 sets none, use 1.0 there), 20 ms processing. */
        public static Config typical() {
            return new Config(9, 0.0, 0.01, 0, Duration.ZERO, Duration.ofMillis(20));
        }
    }

    /** What happened to one transmission. */
    public sealed interface Outcome permits Delivered, Lost {}

    /**
     * Delivered.
     *
     * @param arrival when the other end has it
     */
    public record Delivered(Instant arrival) implements Outcome {}

    /**
     * Lost.
     *
     * @param reason why
     */
    public record Lost(Reason reason) implements Outcome {}

    /** Why a transmission was lost. */
    public enum Reason {
        /** The link's random loss. */
        RANDOM,
        /** An interference burst. */
        INTERFERENCE,
        /** The sender had used up its duty-cycle budget. */
        DUTY_CYCLE
    }

    private final Config config;
    private final Random random;
    private Instant nextAllowed = Instant.MIN;
    private Instant burstUntil = Instant.MIN;
    private Instant lastBurstCheck;

    /** A link with its own random stream ({@code Seeds.streamFor("lora/<meter>")}). */
    public LoraLink(Config config, Random random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Sends {@code payloadBytes} at {@code at}. */
    public Outcome transmit(Instant at, int payloadBytes) {
        rollBursts(at);
        if (at.isBefore(nextAllowed)) {
            return new Lost(Reason.DUTY_CYCLE);
        }
        Duration airtime = airtime(config.spreadingFactor(), payloadBytes);
        // the sender may transmit again only after airtime × (1/duty − 1) of silence
        long silenceNanos = (long) (airtime.toNanos() * (1 / config.dutyCycle() - 1));
        nextAllowed = at.plus(airtime).plusNanos(silenceNanos);
        boolean lost = random.nextDouble() < config.lossProbability();
        if (at.isBefore(burstUntil)) {
            return new Lost(Reason.INTERFERENCE);
        }
        if (lost) {
            return new Lost(Reason.RANDOM);
        }
        return new Delivered(at.plus(airtime).plus(config.processingLatency()));
    }

    /** A request and its answer: both must get through (a meter poll). */
    public Outcome exchange(Instant at, int requestBytes, int answerBytes) {
        Outcome request = transmit(at, requestBytes);
        if (request instanceof Lost) {
            return request;
        }
        Instant answered = ((Delivered) request).arrival();
        // the answer goes the other way: its own airtime, the same channel conditions
        Duration airtime = airtime(config.spreadingFactor(), answerBytes);
        if (answered.isBefore(burstUntil)) {
            return new Lost(Reason.INTERFERENCE);
        }
        if (random.nextDouble() < config.lossProbability()) {
            return new Lost(Reason.RANDOM);
        }
        return new Delivered(answered.plus(airtime).plus(config.processingLatency()));
    }

    private void rollBursts(Instant at) {
        if (config.burstsPerHour() == 0) {
            return;
        }
        if (lastBurstCheck == null) {
            lastBurstCheck = at;
            return;
        }
        double hours = Duration.between(lastBurstCheck, at).toMillis() / 3_600_000.0;
        lastBurstCheck = at;
        if (hours > 0 && random.nextDouble() < 1 - Math.exp(-config.burstsPerHour() * hours)) {
            burstUntil = at.plus(config.burstLength());
        }
    }

    /**
     * Time on air of {@code payloadBytes} at spreading factor {@code sf} (125 kHz, CR 4/5, preamble 8, explicit
     * header, CRC on, low-data-rate optimisation at SF11 and SF12): SF7 20 bytes ≈ 56.6 ms, SF12 ≈ 1.32 s.
     */
    public static Duration airtime(int sf, int payloadBytes) {
        double tSym = Math.pow(2, sf) / 125_000.0;
        double preamble = (8 + 4.25) * tSym;
        int de = sf >= 11 ? 1 : 0;
        double numerator = 8.0 * payloadBytes - 4 * sf + 28 + 16;
        double symbols = 8 + Math.max(Math.ceil(numerator / (4.0 * (sf - 2 * de))) * 5, 0);
        return Duration.ofNanos(Math.round((preamble + symbols * tSym) * 1e9));
    }
}
