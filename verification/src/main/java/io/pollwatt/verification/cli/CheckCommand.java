package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code testbed hj212 check}: decodes every frame of a JSON-lines file in the vectors' format and prints one JSON
 * verdict per input line, in input order:
 *
 * <pre>
 *   {"id":…,"ok":…,"code":…,"offset":…,"field":…,"detail":…,"warnings":[…],"fields":{…}}
 * </pre>
 *
 * A line that is not a frame yields {@code "code":"BAD_INPUT"} and the run goes on: no other line is lost.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Decode the frames of a JSON-lines file (vector format: frame or frame_hex, direction, id)"
                    + " and print one JSON verdict per line.",
            "Exit 0 when it ran, whatever the verdicts; 2 for a usage error or an unreadable file."
        })
final class CheckCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckCommand.class);

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

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "JSON-lines file, or - for standard input")
    private String file;

    @Override
    public Integer call() {
        Testbed testbed = (Testbed) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        Hj212Codec codec = Hj212Codec.of(mode);
        String name = "-".equals(file) ? "<stdin>" : file;
        int lines = 0;
        try (InputStream in = testbed.open(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int lineNumber = 0;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                out.print(Json.line(verdict(codec, FrameInput.parse(name, lineNumber, text))));
                out.print('\n');
                lines++;
            }
        } catch (IOException e) {
            out.flush();
            spec.commandLine().getErr().println(Testbed.cannotRead("hj212 check", file, e));
            return Testbed.EXIT_USAGE;
        }
        out.flush();
        LOG.debug("checked {} lines of {} in {} mode", lines, name, mode);
        return 0;
    }

    private static ObjectNode verdict(Hj212Codec codec, FrameInput input) {
        ObjectNode out = Json.object();
        out.set("id", input.id());
        if (!input.ok()) {
            return Json.putBadInput(out, "offset", input.problem());
        }
        Decoded decoded = codec.decode(input.frame(), input.direction());
        return Json.putVerdict(out, "offset", decoded);
    }
}
