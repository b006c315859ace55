package io.pollwatt.verification.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code testbed} in-process, as the launcher would, and keeps what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record TestbedRun(int exitCode, String out, String err) {

    /** Runs with empty standard input. */
    static TestbedRun run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    /** Runs with the given bytes on standard input. */
    static TestbedRun runWithStdin(byte[] stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Testbed(in))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new TestbedRun(code, out.toString(), err.toString());
    }

    /** Standard output as lines; every line must end with a line feed. */
    List<String> lines() {
        if (out.isEmpty()) {
            return List.of();
        }
        if (!out.endsWith("\n")) {
            throw new AssertionError("output does not end with a line feed: " + out);
        }
        return List.of(out.substring(0, out.length() - 1).split("\n", -1));
    }

    /** Standard output as one JSON object per line. */
    List<JsonNode> json() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines()) {
            try {
                out.add(Json.MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("output line is not JSON: " + line, e);
            }
        }
        return out;
    }
}
