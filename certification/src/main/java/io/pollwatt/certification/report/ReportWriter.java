package io.pollwatt.certification.report;

import io.pollwatt.certification.catalogue.DeclarationReader;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import io.pollwatt.report.html.CertificationReportWriter;
import io.pollwatt.report.model.CaseOutcome;
import io.pollwatt.report.model.CaseVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link CertificationReport} in the certification report format of module {@code reports}
 * ({@code certification.json}, layout {@code pollwatt-certification/1}, and a self-contained {@code
 * certification.html}): one format for every certification pollwatt runs.
 */
public final class ReportWriter {

    private ReportWriter() {}

    /** Writes both files into {@code dir} (created if needed); returns the JSON file. */
    public static Path write(CertificationReport report, Path dir) throws IOException {
        return CertificationReportWriter.write(dir, toReport(report)).json();
    }

    /**
     * The run as the reports module's record: subject the device's MN, profile the declaration's, the declaration
     * itself and where the conversation came from under {@code versions}, each case with its evidence lines.
     */
    public static io.pollwatt.report.model.CertificationReport toReport(CertificationReport r) {
        Map<String, String> about = new LinkedHashMap<>();
        about.put("source", (r.live() ? "live run on " : "replay of ") + r.source());
        about.put("device time", r.start() + " .. " + r.end());
        about.put("declaration", DeclarationReader.toJson(r.declaration()).toString());
        List<CaseVerdict> cases = r.results().stream()
                .map(c -> new CaseVerdict(
                        c.caseId(), c.clause(), c.title(), outcome(c.verdict()), evidence(c), List.of()))
                .toList();
        return new io.pollwatt.report.model.CertificationReport(
                "MN " + r.declaration().mn(),
                r.declaration().profile().id(),
                r.end().toString(),
                0, // a device run has no seed: its conversation is the record, kept beside the report
                about,
                cases);
    }

    private static CaseOutcome outcome(Verdict v) {
        return switch (v) {
            case PASS -> CaseOutcome.PASS;
            case FAIL -> CaseOutcome.FAIL;
            case NOT_APPLICABLE -> CaseOutcome.NOT_APPLICABLE;
            case INCONCLUSIVE -> CaseOutcome.INCONCLUSIVE;
        };
    }

    private static String evidence(CaseResult c) {
        return c.evidence().isEmpty() ? "—" : String.join("\n", c.evidence());
    }
}
