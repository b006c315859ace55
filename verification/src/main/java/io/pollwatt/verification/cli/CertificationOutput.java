package io.pollwatt.verification.cli;

import io.pollwatt.certification.judge.Verdict;
import io.pollwatt.certification.report.CertificationReport;
import io.pollwatt.certification.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The end of {@code certify-device} and {@code replay}: the report files, one summary line, the exit code. */
final class CertificationOutput {

    private CertificationOutput() {}

    static int finish(String command, CertificationReport report, Path out, PrintWriter o) throws IOException {
        ReportWriter.write(report, out);
        o.printf(
                "%s: %s — %d passed, %d failed, %d inconclusive, %d not applicable; report %s%n",
                command,
                report.overall(),
                report.count(Verdict.PASS),
                report.count(Verdict.FAIL),
                report.count(Verdict.INCONCLUSIVE),
                report.count(Verdict.NOT_APPLICABLE),
                out.resolve("certification.html"));
        o.flush();
        return report.overall() == Verdict.FAIL ? 1 : 0;
    }
}
