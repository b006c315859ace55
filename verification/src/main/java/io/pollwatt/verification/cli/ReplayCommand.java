package io.pollwatt.verification.cli;

import io.pollwatt.certification.Replay;
import io.pollwatt.certification.capture.CaptureFormat;
import io.pollwatt.certification.report.CertificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code testbed replay}: judges a saved certification conversation again (docs/certification.md "Capture format and
 * replay"); the active cases need a live device and are NOT_APPLICABLE.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Re-run the passive certification checks on a saved conversation (capture.jsonl).",
            "Exit 0 when no case failed, 1 when a case failed, 2 for a capture that cannot be read."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the capture (JSON lines)")
    private Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/certification-replay",
            description = "report folder (default ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CertificationReport report;
        try {
            report = Replay.of(file);
        } catch (CaptureFormat.BadCapture e) {
            e.problems().forEach(err::println);
            return Testbed.EXIT_USAGE;
        } catch (IOException e) {
            err.println(Testbed.cannotRead("replay", file.toString(), e));
            return Testbed.EXIT_USAGE;
        }
        report.results().forEach(r -> o.println(r.caseId() + " " + r.verdict() + "  " + r.title()));
        Files.createDirectories(out);
        return CertificationOutput.finish("replay", report, out, o);
    }
}
