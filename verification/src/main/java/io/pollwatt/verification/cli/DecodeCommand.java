package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.codec.StreamDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code testbed hj212 decode}: reads a raw byte stream (a captured TCP session) through {@link StreamDecoder} and
 * prints one JSON line per frame or stretch of garbage found:
 *
 * <pre>
 *   {"offset":…,"length":…,"ok":…,"code":…,"frame_offset":…,"field":…,"detail":…,"warnings":[…],"fields":{…}}
 * </pre>
 *
 * {@code offset} counts from the start of the stream; {@code frame_offset} (of a rejection) and the warnings'
 * offsets count from the frame's first byte.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Decode a raw HJ 212 byte stream (a captured TCP session) and print one JSON line per frame found,"
                    + " rejections included.",
            "Exit 0 when it ran; 2 for a usage error or an unreadable file."
        })
final class DecodeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeCommand.class);

    /** Bytes per read; frame boundaries do not depend on it. */
    static final int CHUNK_BYTES = 8192;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "lenient",
            converter = Hj212Command.ModeConverter.class,
            completionCandidates = Hj212Command.Modes.class,
            description = "strict or lenient (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(
            names = "--direction",
            paramLabel = "DIR",
            converter = Hj212Command.DirectionConverter.class,
            completionCandidates = Hj212Command.Directions.class,
            description = "up (device to platform) or down; default: unknown (direction-dependent checks skipped)")
    private Direction direction = Direction.UNKNOWN;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "-",
            paramLabel = "FILE",
            description = "captured bytes, or - for standard input (default)")
    private String file;

    @Override
    public Integer call() {
        Testbed testbed = (Testbed) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        StreamDecoder decoder = new StreamDecoder(Hj212Codec.of(mode), direction);
        long bytes = 0;
        try (InputStream in = testbed.open(file)) {
            byte[] chunk = new byte[CHUNK_BYTES];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                bytes += n;
                print(out, decoder.feed(chunk, 0, n));
                out.flush(); // a live capture piped in shows frames as they arrive
            }
        } catch (IOException e) {
            out.flush();
            spec.commandLine().getErr().println(Testbed.cannotRead("hj212 decode", file, e));
            return Testbed.EXIT_USAGE;
        }
        print(out, decoder.finish());
        out.flush();
        LOG.debug("decoded {} bytes of {} in {} mode", bytes, file, mode);
        return 0;
    }

    private static void print(PrintWriter out, List<StreamDecoder.Result> results) {
        for (StreamDecoder.Result r : results) {
            ObjectNode line = Json.object();
            line.put("offset", r.streamOffset());
            line.put("length", r.length());
            Json.putVerdict(line, "frame_offset", r.decoded());
            out.print(Json.line(line));
            out.print('\n');
        }
    }
}
