package io.pollwatt.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollwatt.report.fixture.Pages;
import io.pollwatt.report.fixture.SampleRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationReportWriterTest {
    @TempDir
    Path dir;

    private void writeEvidence() throws IOException {
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/DEV-014.txt"), "##0101QN=…\r\n");
    }

    @Test
    void json_holds_each_case_with_clause_verdict_and_evidence_and_the_overall_verdict() throws IOException {
        writeEvidence();
        CertificationReportWriter.Written written = CertificationReportWriter.write(dir, SampleRecords.certification());

        JsonNode json = new ObjectMapper().readTree(written.json().toFile());
        assertThat(json.get("format").asText()).isEqualTo(CertificationReportWriter.FORMAT);
        assertThat(json.get("subject").asText()).isEqualTo("DTU MN 88888880000001");
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("counts").get("PASS").asLong()).isEqualTo(1);
        assertThat(json.get("counts").get("NOT_APPLICABLE").asLong()).isEqualTo(1);
        JsonNode failed = json.get("cases").get(1);
        assertThat(failed.get("caseId").asText()).isEqualTo("DEV-014");
        assertThat(failed.get("clause").asText()).isEqualTo("HJ 212-2017 §6.6.3");
        assertThat(failed.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(failed.get("evidenceFiles").get(0).asText()).isEqualTo("evidence/DEV-014.txt");
    }

    @Test
    void html_shows_the_verdict_escapes_evidence_and_links_the_evidence_files() throws IOException {
        writeEvidence();
        CertificationReportWriter.Written written = CertificationReportWriter.write(dir, SampleRecords.certification());

        String page = Pages.read(written.html());
        assertThat(page)
                .contains("认证结论: 不通过")
                .contains("断线 2 h 后只补传 6/8 条 &lt;缺 10:15, 10:30&gt;")
                .contains("<span class=\"status NOT_APPLICABLE\">不适用</span>");
        Pages.assertWellFormed(written.html());
        assertThat(Pages.assertLinksResolve(written.html(), dir)).isEqualTo(1);
    }

    @Test
    void an_evidence_file_that_is_not_there_is_refused_naming_the_case() {
        assertThatThrownBy(() -> CertificationReportWriter.write(dir, SampleRecords.certification()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEV-014")
                .hasMessageContaining("evidence/DEV-014.txt");
    }
}
