package io.pollwatt.benchmarks;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.message.Hj212Message;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and encode throughput on realistic frames, with the limit baseline measured in the same run: one
 * table-driven CRC pass plus a separator scan over the same bytes. The goal (issue: foundation) is decoding into
 * typed, validated records, CRC checked, at no less than half the baseline.
 *
 * <ul>
 *   <li>{@code electricity}: a 2011 upload of 30 meters × 4 quantities ({@code -Rtd} and {@code -Flag} each), as
 *       one frame (about 3.4 KB, over HJ 212-2017's 1024-byte segment, so decoded in lenient mode);
 *   <li>{@code electricityPacket}: the first of the strict packets the same upload splits into (≤ 1024 bytes);
 *   <li>{@code flueGas}: a 2061 hourly record of ten flue-gas factors (Avg, Min, Max, Flag), strict.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {

    @Param({"electricity", "electricityPacket", "flueGas"})
    public String frame;

    private byte[] bytes;
    private Hj212Message message;
    private Hj212Codec codec;

    @Setup(Level.Trial)
    public void setUp() {
        LocalDateTime t = LocalDateTime.of(2024, 3, 1, 8, 15);
        switch (frame) {
            case "electricity":
                message = Messages.electricity2011(30, t);
                codec = Hj212Codec.lenient();
                break;
            case "electricityPacket":
                message = io.pollwatt.hj212.packet.Packetizer.split(Messages.electricity2011(30, t))
                        .get(0);
                codec = Hj212Codec.strict();
                break;
            case "flueGas":
                message = Messages.flueGas2061(t.withMinute(0));
                codec = Hj212Codec.strict();
                break;
            default:
                throw new IllegalArgumentException("unknown frame " + frame);
        }
        bytes = Hj212Codec.encodeCanonical(message);
        Decoded check = codec.decode(bytes, Direction.UP);
        if (!check.ok()) {
            throw new IllegalStateException("benchmark frame does not decode: " + check);
        }
    }

    /** The limit: one table-driven CRC pass plus a separator scan over the data segment. */
    @Benchmark
    public int baselineCrcAndScan() {
        int crc = Crc16.compute(bytes, 6, bytes.length - 12);
        int separators = 0;
        for (int i = 6, end = bytes.length - 6; i < end; i++) {
            byte b = bytes[i];
            if (b == ';' || b == ',' || b == '=') {
                separators++;
            }
        }
        return crc ^ separators;
    }

    /** Full decode into typed, validated records (CRC checked, every check of §19). */
    @Benchmark
    public Decoded decode() {
        return codec.decode(bytes, 0, bytes.length, Direction.UP);
    }

    /** Encode without the strict self-check. */
    @Benchmark
    public byte[] encodeCanonical() {
        return Hj212Codec.encodeCanonical(message);
    }

    /** Encode with the strict self-check (what the emulators use); only for the strict frames. */
    @Benchmark
    public Object encodeStrict() {
        return codec == Hj212Codec.strict() ? Hj212Codec.encode(message) : Hj212Codec.encodeCanonical(message);
    }
}
