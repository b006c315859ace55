package io.pollwatt.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pollwatt.report.model.CaseOutcome;
import io.pollwatt.report.model.CaseVerdict;
import io.pollwatt.report.model.CertificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The certification report of a device or platform: certification.html for people and certification.json for
 * tools, with the same content (format {@value #FORMAT}, docs/reports.md). One row per case: id, clause, title,
 * verdict, evidence text and evidence files.
 */
public final class CertificationReportWriter {
    public static final String HTML_FILE = "certification.html";
    public static final String JSON_FILE = "certification.json";

    /** Names the JSON layout, so a reader can tell a later layout from this one. */
    public static final String FORMAT = "pollwatt-certification/1";

    /** The files written. */
    public record Written(Path html, Path json) {}

    /** The JSON document: the report plus the verdict and counts, in a fixed field order. */
    record Document(
            String format,
            String subject,
            String profile,
            String generatedAt,
            long seed,
            Map<String, String> versions,
            String verdict,
            Map<CaseOutcome, Long> counts,
            List<CaseVerdict> cases) {}

    private CertificationReportWriter() {}

    public static Written write(Path dir, CertificationReport report) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve(HTML_FILE);
            Files.writeString(html, render(report, dir), StandardCharsets.UTF_8);
            Path json = dir.resolve(JSON_FILE);
            Files.writeString(json, json(report), StandardCharsets.UTF_8);
            return new Written(html, json);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the certification report of " + report.subject() + " to " + dir, e);
        }
    }

    static String json(CertificationReport report) {
        Map<CaseOutcome, Long> counts = new EnumMap<>(CaseOutcome.class);
        for (CaseOutcome outcome : CaseOutcome.values()) {
            counts.put(outcome, report.count(outcome));
        }
        Document document = new Document(
                FORMAT,
                report.subject(),
                report.profile(),
                report.generatedAt(),
                report.seed(),
                report.versions(),
                report.passed() ? "PASS" : "FAIL",
                counts,
                report.cases());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the certification report as JSON", e);
        }
    }

    static String render(CertificationReport report, Path dir) {
        String title = "认证报告: " + report.subject();
        StringBuilder page = new StringBuilder(Html.head(title));
        page.append("<body>\n<h1>").append(Html.text(title)).append("</h1>\n");
        page.append("<p class=\"meta\">测试规范 ")
                .append(Html.text(report.profile()))
                .append(" · 生成时间 ")
                .append(Html.text(report.generatedAt()))
                .append(" · 种子 ")
                .append(report.seed())
                .append("</p>\n");
        page.append("<div class=\"verdict ")
                .append(report.passed() ? "pass" : "fail")
                .append("\">认证结论: ")
                .append(report.passed() ? "通过" : "不通过")
                .append("<span class=\"detail\">");
        for (CaseOutcome outcome : CaseOutcome.values()) {
            page.append(outcome.chinese())
                    .append(' ')
                    .append(report.count(outcome))
                    .append(" 项 ");
        }
        page.append("</span></div>\n<table>\n<tr><th>用例</th><th>条款</th><th>名称</th><th>结论</th><th>证据</th>"
                + "<th>证据文件</th></tr>\n");
        for (CaseVerdict verdict : report.cases()) {
            boolean bad = verdict.verdict() == CaseOutcome.FAIL || verdict.verdict() == CaseOutcome.INCONCLUSIVE;
            page.append(bad ? "<tr class=\"bad\">" : "<tr>")
                    .append(HtmlReport.cell(verdict.caseId()))
                    .append(HtmlReport.cell(verdict.clause()))
                    .append(HtmlReport.cell(verdict.title()))
                    .append("<td><span class=\"status ")
                    .append(verdict.verdict().name())
                    .append("\">")
                    .append(verdict.verdict().chinese())
                    .append("</span></td><td class=\"evidence\">")
                    .append(Html.text(verdict.evidence()))
                    .append("</td><td>");
            for (String file : verdict.evidenceFiles()) {
                if (!HtmlReport.isAbsolute(file)
                        && !Files.isRegularFile(dir.resolve(file).normalize())) {
                    throw new IllegalArgumentException(
                            "CaseVerdict %s: evidence file '%s' is not a file under %s; write it there first"
                                    .formatted(verdict.caseId(), file, dir));
                }
                page.append("<a href=\"")
                        .append(Html.text(file))
                        .append("\">")
                        .append(Html.text(file))
                        .append("</a><br/>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</table>\n");
        page.append("<h2>版本</h2>\n<table>\n<tr><th>组件</th><th>版本</th></tr>\n");
        report.versions()
                .forEach((k, v) -> page.append("<tr>")
                        .append(HtmlReport.cell(k))
                        .append(HtmlReport.cell(v))
                        .append("</tr>\n"));
        page.append("</table>\n</body>\n</html>\n");
        return page.toString();
    }
}
