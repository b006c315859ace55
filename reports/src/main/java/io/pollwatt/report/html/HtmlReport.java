package io.pollwatt.report.html;

import io.pollwatt.report.chart.Charts;
import io.pollwatt.report.model.ConformanceSummary;
import io.pollwatt.report.model.PointSeries;
import io.pollwatt.report.model.RaisedAlarm;
import io.pollwatt.report.model.RuleQuality;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.ScenarioStatus;
import io.pollwatt.report.model.SuiteReport;
import io.pollwatt.report.model.ThresholdSweep;
import io.pollwatt.report.model.TruthWindow;
import io.pollwatt.report.model.TvocSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report of one suite run, as a self-contained folder: {@code index.html}, {@code charts/} (PNG and SVG) and
 * {@code evidence/} (the frames each alarm cites). No CDN, no external file; every link is relative. The verdict
 * comes first, then each scenario with its charts, faults and alarms, then the per-rule detection quality, then
 * what is needed to replay the run.
 */
public final class HtmlReport {
    static final String EVIDENCE_FOLDER = "evidence";

    private HtmlReport() {}

    /** Writes the report into {@code dir} (created if needed) and returns the path of its index.html. */
    public static Path write(Path dir, SuiteReport report) {
        try (ChartSet charts = new ChartSet(dir, true)) {
            Files.createDirectories(dir);
            StringBuilder page = new StringBuilder(Html.head(report.title()));
            page.append("<body>\n<h1>").append(Html.text(report.title())).append("</h1>\n");
            page.append("<p class=\"meta\">生成时间 ")
                    .append(Html.text(report.generatedAt()))
                    .append(" · 种子 ")
                    .append(report.seed())
                    .append(" · 时区 ")
                    .append(Html.text(report.zone().getId()))
                    .append("</p>\n");
            verdict(page, report);
            contents(page, report);
            for (int i = 0; i < report.scenarios().size(); i++) {
                scenario(page, dir, charts, report.scenarios().get(i), i + 1, report.zone());
            }
            rules(page, charts, report);
            replay(page, report);
            page.append("</body>\n</html>\n");
            Path index = dir.resolve("index.html");
            Files.writeString(index, page, StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suite report to " + dir, e);
        }
    }

    private static void verdict(StringBuilder page, SuiteReport report) {
        page.append("<div class=\"verdict ")
                .append(report.passed() ? "pass" : "fail")
                .append("\" id=\"verdict\">总体结论: ")
                .append(report.passed() ? "通过" : "不通过");
        page.append("<span class=\"detail\">场景 ")
                .append(report.scenarios().size())
                .append(" 个: 通过 ")
                .append(report.count(ScenarioStatus.PASSED))
                .append(", 不通过 ")
                .append(report.count(ScenarioStatus.FAILED))
                .append(", 跳过 ")
                .append(report.count(ScenarioStatus.SKIPPED));
        ConformanceSummary conformance = report.conformance();
        if (conformance != null) {
            page.append(" · 协议一致性 ")
                    .append(conformance.passed())
                    .append("/")
                    .append(conformance.checked())
                    .append(" 项通过");
        }
        page.append("</span></div>\n");
        if (conformance != null && !conformance.failures().isEmpty()) {
            page.append("<h3>协议一致性未通过项</h3>\n<pre class=\"error\">");
            conformance.failures().forEach(f -> page.append(Html.text(f)).append('\n'));
            page.append("</pre>\n");
        }
    }

    private static void contents(StringBuilder page, SuiteReport report) {
        page.append("<h2>场景</h2>\n<table>\n<tr><th>#</th><th>场景</th><th>结果</th><th>真值故障</th><th>平台告警</th></tr>\n");
        for (int i = 0; i < report.scenarios().size(); i++) {
            ScenarioReport scenario = report.scenarios().get(i);
            page.append(scenario.status() == ScenarioStatus.FAILED ? "<tr class=\"bad\">" : "<tr>")
                    .append("<td class=\"num\">")
                    .append(i + 1)
                    .append("</td><td><a href=\"#")
                    .append(anchor(i + 1))
                    .append("\">")
                    .append(Html.text(scenario.name()))
                    .append("</a></td><td>")
                    .append(status(scenario.status()))
                    .append("</td><td class=\"num\">")
                    .append(scenario.faults().size())
                    .append("</td><td class=\"num\">")
                    .append(scenario.alarms().size())
                    .append("</td></tr>\n");
        }
        page.append("</table>\n<p><a href=\"#rules\">各规则检测质量</a> · <a href=\"#replay\">重放</a></p>\n");
    }

    private static void scenario(
            StringBuilder page, Path dir, ChartSet charts, ScenarioReport scenario, int number, ZoneId zone)
            throws IOException {
        String id = anchor(number);
        page.append("<h2 id=\"").append(id).append("\">场景 ").append(number).append(": ");
        page.append(Html.text(scenario.name()))
                .append(' ')
                .append(status(scenario.status()))
                .append("</h2>\n");
        page.append("<p class=\"meta\">");
        if (!scenario.location().isEmpty()) {
            page.append("位置 <code>").append(Html.text(scenario.location())).append("</code>");
        }
        if (!scenario.tags().isEmpty()) {
            page.append(" · 标签 ").append(Html.text(String.join(" ", scenario.tags())));
        }
        page.append("</p>\n");
        if (scenario.error() != null) {
            page.append("<pre class=\"error\">")
                    .append(Html.text(scenario.error()))
                    .append("</pre>\n");
        }
        for (int j = 0; j < scenario.curves().size(); j++) {
            PointSeries curve = scenario.curves().get(j);
            page.append(charts.figure(
                    Charts.loadCurve(scenario, curve, zone), "%s-load-%02d".formatted(id, j + 1), 1100, 460));
        }
        for (int j = 0; j < scenario.tvoc().size(); j++) {
            TvocSeries tvoc = scenario.tvoc().get(j);
            page.append(charts.figure(Charts.tvoc(tvoc, zone), "%s-tvoc-%02d".formatted(id, j + 1), 1100, 380));
        }
        if (!scenario.energy().isEmpty()) {
            page.append(
                    charts.figure(Charts.energyBalance(scenario.name(), scenario.energy()), id + "-energy", 900, 400));
        }
        if (!scenario.completeness().isEmpty()) {
            long points = scenario.completeness().stream()
                    .map(c -> c.pointId())
                    .distinct()
                    .count();
            page.append(charts.figure(
                    Charts.completeness(scenario.name() + " 数据完整率", scenario.completeness()),
                    id + "-completeness",
                    900,
                    (int) (160 + 32 * points)));
        }
        faults(page, scenario, zone);
        alarms(page, dir, scenario, id, zone);
    }

    private static void faults(StringBuilder page, ScenarioReport scenario, ZoneId zone) {
        if (scenario.faults().isEmpty()) {
            return;
        }
        Set<String> matched = scenario.alarms().stream()
                .map(RaisedAlarm::matchedTruthKind)
                .filter(kind -> kind != null)
                .collect(Collectors.toSet());
        page.append("<h3>真值故障</h3>\n<table>\n<tr><th>故障</th><th>对象</th><th>开始</th><th>结束</th>"
                + "<th>应触发规则</th><th>检出</th></tr>\n");
        for (TruthWindow fault : scenario.faults()) {
            boolean found = matched.contains(fault.kind());
            page.append(found ? "<tr>" : "<tr class=\"bad\">")
                    .append(cell(fault.kind()))
                    .append(cell(fault.target()))
                    .append(cell(Html.time(fault.start(), zone)))
                    .append(cell(Html.time(fault.end(), zone)))
                    .append(cell(fault.expectedRules().stream()
                            .map(RuleTitles::labelled)
                            .collect(Collectors.joining("; "))))
                    .append(cell(found ? "是" : "否 (漏报)"))
                    .append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static void alarms(StringBuilder page, Path dir, ScenarioReport scenario, String id, ZoneId zone)
            throws IOException {
        if (scenario.alarms().isEmpty()) {
            page.append("<p>平台未产生告警。</p>\n");
            return;
        }
        page.append("<h3>平台告警</h3>\n<table>\n<tr><th>告警</th><th>规则</th><th>子类</th><th>级别</th><th>计量点</th>"
                + "<th>开始</th><th>结束</th><th>对应真值</th><th>证据</th></tr>\n");
        for (int k = 0; k < scenario.alarms().size(); k++) {
            RaisedAlarm alarm = scenario.alarms().get(k);
            String evidence = evidenceLink(dir, alarm, "%s-a%02d".formatted(id, k + 1), id, zone);
            page.append(alarm.matchedTruthKind() == null ? "<tr class=\"bad\">" : "<tr>")
                    .append(cell(alarm.id()))
                    .append(cell(RuleTitles.labelled(alarm.ruleId())))
                    .append(cell(alarm.subtype() == null ? "" : alarm.subtype()))
                    .append(cell(alarm.level() + " 级"))
                    .append(cell(alarm.points().isEmpty() ? "全厂" : String.join(", ", alarm.points())))
                    .append(cell(Html.time(alarm.start(), zone)))
                    .append(cell(alarm.end() == null ? "未结束" : Html.time(alarm.end(), zone)))
                    .append(cell(alarm.matchedTruthKind() == null ? "无 (误报)" : alarm.matchedTruthKind()))
                    .append("<td>")
                    .append(evidence)
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    /** The evidence cell: a page of the alarm's frames written here, else its own link, else a dash. */
    private static String evidenceLink(Path dir, RaisedAlarm alarm, String name, String scenarioAnchor, ZoneId zone)
            throws IOException {
        if (!alarm.evidenceFrames().isEmpty()) {
            String file = EVIDENCE_FOLDER + "/" + name + ".html";
            Files.createDirectories(dir.resolve(EVIDENCE_FOLDER));
            Files.writeString(
                    dir.resolve(file), EvidencePage.render(alarm, scenarioAnchor, zone), StandardCharsets.UTF_8);
            return "<a href=\"" + file + "\">" + alarm.evidenceFrames().size() + " 帧</a>";
        }
        String link = alarm.evidenceLink();
        if (link == null) {
            return "—";
        }
        if (!isAbsolute(link) && !Files.isRegularFile(dir.resolve(link).normalize())) {
            throw new IllegalArgumentException(("RaisedAlarm %s: evidenceLink '%s' is not a file under %s; write the "
                            + "evidence there before the report, or pass the frames as evidenceFrames")
                    .formatted(alarm.id(), link, dir));
        }
        return "<a href=\"" + Html.text(link) + "\">证据</a>";
    }

    static boolean isAbsolute(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static void rules(StringBuilder page, ChartSet charts, SuiteReport report) {
        page.append("<h2 id=\"rules\">各规则检测质量</h2>\n");
        if (report.rules().isEmpty()) {
            page.append("<p>本次运行没有规则评分。</p>\n");
        } else {
            page.append("<table>\n<tr><th>规则</th><th>TP</th><th>FP</th><th>FN</th><th>精确率</th><th>召回率</th>"
                    + "<th>中位延迟</th><th>最大延迟</th></tr>\n");
            for (RuleQuality rule : report.rules()) {
                boolean imperfect = rule.falsePositives() > 0 || rule.falseNegatives() > 0;
                page.append(imperfect ? "<tr class=\"bad\">" : "<tr>")
                        .append(cell(RuleTitles.labelled(rule.ruleId())))
                        .append(num(rule.truePositives()))
                        .append(num(rule.falsePositives()))
                        .append(num(rule.falseNegatives()))
                        .append(num(Html.ratio(rule.precision())))
                        .append(num(Html.ratio(rule.recall())))
                        .append(num(rule.medianDelay().map(Html::minutes).orElse("—")))
                        .append(num(rule.maxDelay().map(Html::minutes).orElse("—")))
                        .append("</tr>\n");
            }
            page.append("</table>\n");
        }
        for (int i = 0; i < report.sweeps().size(); i++) {
            ThresholdSweep sweep = report.sweeps().get(i);
            page.append(charts.figure(Charts.thresholdSweep(sweep), "sweep-%02d".formatted(i + 1), 560, 340));
        }
        for (int i = 0; i < report.rules().size(); i++) {
            RuleQuality rule = report.rules().get(i);
            if (!rule.detectionDelays().isEmpty()) {
                page.append(charts.figure(Charts.detectionDelays(rule), "delay-%02d".formatted(i + 1), 560, 340));
            }
        }
    }

    private static void replay(StringBuilder page, SuiteReport report) {
        page.append("<h2 id=\"replay\">重放</h2>\n<p>种子 <code>")
                .append(report.seed())
                .append("</code>");
        if (report.replayCommand() != null) {
            page.append(" · 命令 <code>")
                    .append(Html.text(report.replayCommand()))
                    .append("</code>");
        }
        page.append("</p>\n<table>\n<tr><th>组件</th><th>版本</th></tr>\n");
        for (Map.Entry<String, String> version : report.versions().entrySet()) {
            page.append("<tr>")
                    .append(cell(version.getKey()))
                    .append(cell(version.getValue()))
                    .append("</tr>\n");
        }
        page.append("</table>\n<p><a href=\"#verdict\">回到结论</a></p>\n");
    }

    static String anchor(int scenarioNumber) {
        return "s%02d".formatted(scenarioNumber);
    }

    static String status(ScenarioStatus status) {
        return "<span class=\"status " + status.name() + "\">" + status.chinese() + "</span>";
    }

    static String cell(String text) {
        return "<td>" + Html.text(text) + "</td>";
    }

    private static String num(Object value) {
        return "<td class=\"num\">" + Html.text(String.valueOf(value)) + "</td>";
    }
}
