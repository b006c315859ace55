package io.pollwatt.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed suite}: the project's main job. The scenario catalogue does not exist yet, so for now it runs the
 * protocol conformance check of the codec ({@link ConformanceSuite}) and prints one line per failing case, then
 *
 * <pre>
 *   suite: N passed, M failed
 * </pre>
 *
 * alone on the last line. Exit 0 when everything passed, 1 otherwise, 2 when the vectors cannot be read.
 */
@Command(
        name = "suite",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Run the testbed suite. For now: the HJ 212-2017 protocol conformance check of the codec against the"
                    + " shared vectors (the scenario catalogue is not yet part of it).",
            "Exit 0 when all cases pass, 1 otherwise, 2 when the vectors cannot be read."
        })
final class SuiteCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteCommand.class);

    /** Set by the {@code testbed} launcher to the repository root. */
    static final String HOME_PROPERTY = "pollwatt.home";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--vectors",
            paramLabel = "DIR",
            description = "the hj212 vector folder (valid.jsonl, invalid.jsonl, crc.jsonl);"
                    + " default: <repository>/../shared/vectors/hj212, the repository from -D" + HOME_PROPERTY)
    private Path vectors;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = vectors;
        if (dir == null) {
            String home = System.getProperty(HOME_PROPERTY);
            if (home == null || home.isBlank()) {
                err.println(
                        "testbed suite: no vector folder: give --vectors DIR, or run through ./testbed, which sets -D"
                                + HOME_PROPERTY + "=<repository>");
                return Testbed.EXIT_USAGE;
            }
            dir = Path.of(home, "..", "shared", "vectors", "hj212");
        }
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            err.println("testbed suite: vector folder not found: " + dir);
            return Testbed.EXIT_USAGE;
        }
        LOG.debug("running the protocol conformance vectors in {}", dir);
        ConformanceSuite.Report report;
        try {
            report = ConformanceSuite.run(dir);
        } catch (IOException e) {
            String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : dir.toString();
            err.println(Testbed.cannotRead("suite", file, e));
            return Testbed.EXIT_USAGE;
        }
        out.print("protocol conformance (HJ 212-2017 codec) against " + dir + "\n");
        for (String failure : report.failures()) {
            out.print("FAIL " + failure + "\n");
        }
        out.print("note: the scenario catalogue is not yet part of the suite; only protocol conformance ran\n");
        out.print("suite: " + report.passed() + " passed, " + report.failed() + " failed\n");
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }
}
