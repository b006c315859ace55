package io.pollwatt.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.report.fixture.Images;
import io.pollwatt.report.fixture.Pages;
import io.pollwatt.report.fixture.SampleRecords;
import io.pollwatt.report.model.AcceptanceCheck;
import io.pollwatt.report.model.AcceptanceReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceReportWriterTest {
    @TempDir
    Path dir;

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_pdf_carries_the_enterprise_name_and_the_verdict_in_chinese() throws IOException {
        AcceptanceReportWriter.Written written = AcceptanceReportWriter.write(dir, SampleRecords.acceptance());

        String text = pdfText(written.pdf());
        assertThat(text)
                .contains(SampleRecords.ENTERPRISE)
                .contains("验收结论: 不通过")
                .contains("治污设施 T2 喷淋塔水泵已安装电表但平台未建档")
                .contains("AC-04");
    }

    @Test
    void the_pdf_embeds_the_cjk_face_taken_from_the_font_collection() throws IOException {
        AcceptanceReportWriter.Written written = AcceptanceReportWriter.write(dir, SampleRecords.acceptance());

        try (PDDocument document = Loader.loadPDF(written.pdf().toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            PDFont font = null;
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                font = resources.getFont(name);
                if (font.getName().contains(PdfFonts.FACE)) {
                    break;
                }
            }
            assertThat(font).isNotNull();
            assertThat(font.getName()).contains(PdfFonts.FACE);
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void the_html_lists_failed_checks_as_reasons_and_every_point_installed_against_archived() {
        AcceptanceReportWriter.Written written = AcceptanceReportWriter.write(dir, SampleRecords.acceptance());
        String page = Pages.read(written.html());

        assertThat(page)
                .contains("不通过原因")
                .contains("<li>AC-01 点位覆盖: 治污设施 T2 喷淋塔水泵已安装电表但平台未建档</li>")
                .contains("<li>AC-11 数据完整率: T1 治污风机在 02-26 的有效传输率 62.0 % 低于 90 %</li>")
                .contains("计量点: 现场安装 4 个, 平台建档 3 个")
                .doesNotContain("<li>AC-04");
        Pages.assertWellFormed(written.html());
        assertThat(Pages.assertLinksResolve(written.html(), dir)).isEqualTo(1);
        Images.assertDrawn(dir.resolve("charts/acceptance-completeness.png"), 900, 256);
    }

    @Test
    void all_checks_passed_gives_a_pass_and_no_checks_gives_no_pass() throws IOException {
        AcceptanceReport sample = SampleRecords.acceptance();
        List<AcceptanceCheck> passing =
                sample.checks().stream().filter(AcceptanceCheck::passed).toList();
        AcceptanceReport passed = new AcceptanceReport(
                sample.enterpriseId(),
                sample.enterpriseName(),
                sample.generatedAt(),
                7L,
                sample.zone(),
                sample.points(),
                passing,
                List.of());
        assertThat(pdfText(AcceptanceReportWriter.write(dir.resolve("pass"), passed)
                        .pdf()))
                .contains("验收结论: 通过")
                .doesNotContain("不通过原因");

        AcceptanceReport empty = new AcceptanceReport(
                sample.enterpriseId(),
                sample.enterpriseName(),
                sample.generatedAt(),
                7L,
                sample.zone(),
                List.of(),
                List.of(),
                List.of());
        assertThat(empty.passed()).isFalse();
        assertThat(Pages.read(AcceptanceReportWriter.write(dir.resolve("empty"), empty)
                        .html()))
                .contains("没有检查结果, 不能判定通过");
    }
}
