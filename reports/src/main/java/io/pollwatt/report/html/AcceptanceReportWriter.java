package io.pollwatt.report.html;

import io.pollwatt.report.chart.Charts;
import io.pollwatt.report.model.AcceptanceCheck;
import io.pollwatt.report.model.AcceptancePoint;
import io.pollwatt.report.model.AcceptanceReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The acceptance report (验收报告) of one enterprise, as an HTML page and the same page as PDF for filing (备案):
 * the verdict with its reasons, the points installed against those archived, each AC check with what was measured
 * against its limit, the completeness of the trial run, and lines for the acceptance group's signatures.
 */
public final class AcceptanceReportWriter {
    public static final String HTML_FILE = "acceptance.html";
    public static final String PDF_FILE = "acceptance.pdf";

    /** The files written. */
    public record Written(Path html, Path pdf) {}

    private AcceptanceReportWriter() {}

    /** Writes acceptance.html, acceptance.pdf and their charts into {@code dir} (one folder per enterprise). */
    public static Written write(Path dir, AcceptanceReport report) {
        try {
            Files.createDirectories(dir);
            // PNG only: the PDF embeds the images, and SVG would not print any better at this size
            String page;
            try (ChartSet charts = new ChartSet(dir, false)) {
                page = render(report, charts);
            }
            Path html = dir.resolve(HTML_FILE);
            Files.writeString(html, page, StandardCharsets.UTF_8);
            Path pdf = PdfWriter.write(page, dir, dir.resolve(PDF_FILE));
            return new Written(html, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the acceptance report of " + report.enterpriseId() + " to " + dir, e);
        }
    }

    static String render(AcceptanceReport report, ChartSet charts) {
        String title = report.enterpriseName() + " 工况用电监控系统验收报告";
        StringBuilder page = new StringBuilder(Html.head(title));
        page.append("<body>\n<h1>").append(Html.text(title)).append("</h1>\n");
        page.append("<p class=\"meta\">企业 ")
                .append(Html.text(report.enterpriseName()))
                .append(" (")
                .append(Html.text(report.enterpriseId()))
                .append(") · 生成时间 ")
                .append(Html.text(report.generatedAt()))
                .append(" · 种子 ")
                .append(report.seed())
                .append("</p>\n");
        verdict(page, report);
        points(page, report);
        checks(page, report);
        if (!report.completeness().isEmpty()) {
            page.append("<h2>试运行数据完整率</h2>\n");
            long points = report.completeness().stream()
                    .map(c -> c.pointId())
                    .distinct()
                    .count();
            page.append(charts.figure(
                    Charts.completeness(report.enterpriseName() + " 数据完整率 (AC-11)", report.completeness()),
                    "acceptance-completeness",
                    900,
                    (int) (160 + 32 * points)));
        }
        page.append("<h2>验收意见</h2>\n<p>依据 domain-rules.md §7 (AC-01…AC-11) 逐项检查, 结论见上。</p>\n");
        page.append("<table class=\"sign\">\n<tr><th>验收组成员</th><th>单位</th><th>签字</th><th>日期</th></tr>\n");
        for (int i = 0; i < 3; i++) {
            page.append("<tr><td></td><td></td><td></td><td></td></tr>\n");
        }
        page.append("</table>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void verdict(StringBuilder page, AcceptanceReport report) {
        boolean passed = report.passed();
        page.append("<div class=\"verdict ")
                .append(passed ? "pass" : "fail")
                .append("\">验收结论: ")
                .append(passed ? "通过" : "不通过")
                .append("<span class=\"detail\">")
                .append(report.checks().size())
                .append(" 项检查, ")
                .append(report.checks().size() - report.failedChecks().size())
                .append(" 项通过</span></div>\n");
        if (report.checks().isEmpty()) {
            page.append("<p>没有检查结果, 不能判定通过。</p>\n");
        }
        if (!report.failedChecks().isEmpty()) {
            page.append("<h2>不通过原因</h2>\n<ul>\n");
            for (AcceptanceCheck check : report.failedChecks()) {
                page.append("<li>")
                        .append(Html.text(RuleTitles.labelled(check.acId())))
                        .append(": ")
                        .append(Html.text(check.reason()))
                        .append("</li>\n");
            }
            page.append("</ul>\n");
        }
    }

    private static void points(StringBuilder page, AcceptanceReport report) {
        if (report.points().isEmpty()) {
            return;
        }
        long installed =
                report.points().stream().filter(AcceptancePoint::installed).count();
        long archived =
                report.points().stream().filter(AcceptancePoint::archived).count();
        page.append("<h2>计量点: 现场安装 ")
                .append(installed)
                .append(" 个, 平台建档 ")
                .append(archived)
                .append(" 个</h2>\n<table>\n<tr><th>计量点</th><th>名称</th><th>类型</th><th>现场安装</th>"
                        + "<th>平台建档</th><th>一致</th></tr>\n");
        for (AcceptancePoint point : report.points()) {
            boolean agrees = point.installed() && point.archived();
            page.append(agrees ? "<tr>" : "<tr class=\"bad\">")
                    .append(HtmlReport.cell(point.pointId()))
                    .append(HtmlReport.cell(point.label()))
                    .append(HtmlReport.cell(point.role().chinese()))
                    .append(HtmlReport.cell(point.installed() ? "是" : "否"))
                    .append(HtmlReport.cell(point.archived() ? "是" : "否"))
                    .append(HtmlReport.cell(agrees ? "是" : "否"))
                    .append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String nowrap(String text) {
        return "<td class=\"nowrap\">" + Html.text(text) + "</td>";
    }

    private static void checks(StringBuilder page, AcceptanceReport report) {
        page.append("<h2>验收项</h2>\n<table>\n<tr><th class=\"nowrap\">编号</th><th>检查内容</th><th>实测</th>"
                + "<th>判定标准</th><th class=\"nowrap\">结论</th><th>说明</th></tr>\n");
        for (AcceptanceCheck check : report.checks()) {
            page.append(check.passed() ? "<tr>" : "<tr class=\"bad\">")
                    .append(nowrap(check.acId()))
                    .append(HtmlReport.cell(check.what()))
                    .append(HtmlReport.cell(check.measured()))
                    .append(HtmlReport.cell(check.limit()))
                    .append(nowrap(check.passed() ? "通过" : "不通过"))
                    .append(HtmlReport.cell(check.reason()))
                    .append("</tr>\n");
        }
        page.append("</table>\n");
    }
}
