package io.pollwatt.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.vectors.Vectors;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutations of valid frames: the decoder never throws, every accepted frame re-encodes to a frame that
 * decodes to the same message, and the stream decoder never holds more than one frame's worth of bytes. The count
 * comes from {@code pollwatt.fuzz.mutations} (100,000 in the normal build, more with {@code -Pfuzz}); a failure
 * prints the seed and the mutation number to replay it.
 */
class MutationFuzzTest {

    private static final long SEED = Long.getLong("pollwatt.fuzz.seed", 212_2017L);
    private static final int MUTATIONS = Integer.getInteger("pollwatt.fuzz.mutations", 100_000);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a hang, not a speed target
    void mutated_frames_never_throw_and_accepted_ones_round_trip() {
        List<byte[]> seeds = seedFrames();
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] frame = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Mode mode = random.nextBoolean() ? Mode.STRICT : Mode.LENIENT;
            Direction direction = Direction.values()[random.nextInt(3)];
            Decoded d;
            try {
                d = Hj212Codec.of(mode).decode(frame, direction);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "seed " + SEED + " mutation " + i + " threw on "
                                + new String(frame, java.nio.charset.StandardCharsets.ISO_8859_1),
                        e);
            }
            if (d instanceof Decoded.Ok ok) {
                accepted++;
                Hj212Message again = ((Decoded.Ok)
                                Hj212Codec.lenient().decode(Hj212Codec.encodeCanonical(ok.message()), direction))
                        .message();
                // canonical form drops unknown header fields and nothing else
                Hj212Message expected = Hj212Message.of(
                        ok.message().header().withoutUnknownFields(),
                        ok.message().cp());
                assertThat(again).as("seed %d mutation %d", SEED, i).isEqualTo(expected);
            } else {
                Decoded.Rejected r = (Decoded.Rejected) d;
                assertThat(r.offset()).as("seed %d mutation %d: %s", SEED, i, r).isBetween(0, frame.length);
            }
        }
        // mutations that keep the CRC right (and most single-byte ones in values) are still accepted
        assertThat(accepted).isPositive();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void stream_decoding_of_mutated_traffic_never_throws_and_stays_bounded() {
        List<byte[]> seeds = seedFrames();
        Random random = new Random(SEED + 1);
        StreamDecoder decoder = new StreamDecoder(Hj212Codec.lenient(), Direction.UP);
        int bound = StreamFramer.forMode(Mode.LENIENT).maxFrameBytes() + 1;
        long fed = 0;
        long covered = 0;
        for (int i = 0; i < MUTATIONS / 10; i++) {
            byte[] frame = random.nextInt(3) == 0
                    ? mutate(seeds.get(random.nextInt(seeds.size())), random)
                    : seeds.get(random.nextInt(seeds.size()));
            int at = 0;
            while (at < frame.length) {
                int n = Math.min(frame.length - at, 1 + random.nextInt(300));
                for (StreamDecoder.Result r : decoder.feed(frame, at, n)) {
                    covered += r.length();
                }
                at += n;
                assertThat(decoder.pendingBytes()).as("seed %d", SEED).isLessThanOrEqualTo(bound);
            }
            fed += frame.length;
        }
        for (StreamDecoder.Result r : decoder.finish()) {
            covered += r.length();
        }
        assertThat(covered).as("every byte is accounted for exactly once").isEqualTo(fed);
    }

    private static List<byte[]> seedFrames() {
        List<byte[]> out = new ArrayList<>();
        Vectors.load("valid.jsonl").forEach(v -> out.add(v.frameBytes()));
        Vectors.load("invalid.jsonl").forEach(v -> out.add(v.frameBytes()));
        out.add(Hj212Codec.encode(Messages.flueGas2061(LocalDateTime.of(2024, 3, 1, 8, 0))));
        return out;
    }

    static byte[] mutate(byte[] frame, Random random) {
        byte[] out = frame.clone();
        int kind = random.nextInt(8);
        int at = out.length == 0 ? 0 : random.nextInt(out.length);
        switch (kind) {
            case 0: // flip a bit
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1: // replace a byte with a structural character
                String structural = ";,=&#/\r\n-0A9é";
                out[at] = (byte) structural.charAt(random.nextInt(structural.length()));
                return out;
            case 2: { // delete a span
                int len = Math.min(out.length - at, 1 + random.nextInt(8));
                byte[] shorter = new byte[out.length - len];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, at + len, shorter, at, out.length - at - len);
                return shorter;
            }
            case 3: { // insert random bytes
                int len = 1 + random.nextInt(8);
                byte[] longer = new byte[out.length + len];
                System.arraycopy(out, 0, longer, 0, at);
                for (int i = 0; i < len; i++) {
                    longer[at + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(out, at, longer, at + len, out.length - at);
                return longer;
            }
            case 4: // truncate
                return java.util.Arrays.copyOf(out, at);
            case 5: { // change a digit of the length field
                if (out.length > 6) {
                    out[2 + random.nextInt(4)] = (byte) ('0' + random.nextInt(10));
                }
                return out;
            }
            case 6: { // mutate inside the segment, then fix the CRC so the content checks are reached
                if (out.length > 12) {
                    int seg = 6 + random.nextInt(out.length - 12);
                    String content = ";,=&/-_.Aa0 \u0001";
                    out[seg] = (byte) content.charAt(random.nextInt(content.length()));
                    fixCrc(out);
                }
                return out;
            }
            default: { // duplicate a span (repeated fields), then fix length and CRC
                int len = Math.min(out.length - at, 1 + random.nextInt(30));
                byte[] longer = new byte[out.length + len];
                System.arraycopy(out, 0, longer, 0, at + len);
                System.arraycopy(out, at, longer, at + len, out.length - at);
                fixLength(longer);
                fixCrc(longer);
                return longer;
            }
        }
    }

    private static void fixLength(byte[] f) {
        if (f.length >= 12 && f.length - 12 <= 9999) {
            String len = "%04d".formatted(f.length - 12);
            for (int i = 0; i < 4; i++) {
                f[2 + i] = (byte) len.charAt(i);
            }
        }
    }

    private static void fixCrc(byte[] f) {
        if (f.length >= 12) {
            int crc = io.pollwatt.hj212.frame.Crc16.compute(f, 6, f.length - 12);
            io.pollwatt.hj212.frame.Crc16.writeHex(crc, f, f.length - 6);
        }
    }
}
