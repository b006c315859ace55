package io.pollwatt.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.report.fixture.Pages;
import io.pollwatt.report.fixture.SampleRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample reports to {@code reports/target/sample-report/} for a person to open: the suite report
 * (index.html), an acceptance report (acceptance/E001/) and a certification report (certification/).
 */
class SampleReportTest {
    static final Path OUT = Path.of("target", "sample-report");

    @Test
    void writes_the_sample_reports_a_person_can_open() throws IOException {
        Path index = HtmlReport.write(OUT, SampleRecords.suite());
        AcceptanceReportWriter.Written acceptance =
                AcceptanceReportWriter.write(OUT.resolve("acceptance/E001"), SampleRecords.acceptance());
        Path certification = OUT.resolve("certification");
        Files.createDirectories(certification.resolve("evidence"));
        Files.writeString(
                certification.resolve("evidence/DEV-014.txt"),
                "上行断线 10:00–12:00 后补传的帧 (示例)\n##0101QN=20260302101500000;ST=22;CN=2011;…\n");
        CertificationReportWriter.Written cert =
                CertificationReportWriter.write(certification, SampleRecords.certification());

        Pages.assertLinksResolve(
                index, OUT.toAbsolutePath().normalize().getParent().resolve("sample-report"));
        assertThat(acceptance.pdf()).isRegularFile();
        assertThat(Files.size(acceptance.pdf())).isGreaterThan(10_000);
        assertThat(cert.json()).isRegularFile();
    }
}
