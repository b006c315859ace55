package io.pollwatt.verification.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.report.chart.ChartFiles;
import io.pollwatt.report.chart.Charts;
import io.pollwatt.report.html.RuleTitles;
import io.pollwatt.report.model.SweepPoint;
import io.pollwatt.report.model.ThresholdSweep;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes what a validation measured into one folder: {@code sweeps.json} (format {@value #FORMAT}), {@code
 * sweeps.csv} (one row per rule, key and value) and {@code index.html} with one precision/recall chart per row of the
 * table ({@code charts/sweep-NN.png} and {@code .svg}, drawn by the reports module, the default marked). Nothing reads
 * a clock: the same measurements give the same files.
 */
public final class SweepReport {

    /** The layout of sweeps.json; a later layout gets a new value. */
    public static final String FORMAT = "pollwatt-rule-sweeps/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReport() {}

    /** Writes the three outputs (and the charts) into {@code dir}, created if needed; returns index.html. */
    public static Path write(Path dir, RunInfo run, List<RuleSweep> sweeps) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(
                dir.resolve("sweeps.json"), JSON.writeValueAsString(json(run, sweeps)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sweeps.csv"), csv(sweeps), StandardCharsets.UTF_8);
        for (int i = 0; i < sweeps.size(); i++) {
            var chart = Charts.thresholdSweep(chartRecord(sweeps.get(i)));
            ChartFiles.png(chart, dir.resolve("charts").resolve(chartName(i) + ".png"), 720, 420);
            ChartFiles.svg(chart, dir.resolve("charts").resolve(chartName(i) + ".svg"), 720, 420);
        }
        Path index = dir.resolve("index.html");
        Files.writeString(index, html(run, sweeps), StandardCharsets.UTF_8);
        return index;
    }

    static ObjectNode json(RunInfo run, List<RuleSweep> sweeps) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("seed", run.seed());
        o.put("enterprises", run.enterprises());
        o.put("points", run.points());
        o.put("days", run.days());
        o.put("start", run.start().toString());
        o.put("zone", run.zone().getId());
        o.put("faultRate", run.faultRate());
        ObjectNode faults = o.putObject("faults");
        run.faults().forEach(faults::put);
        o.put("command", run.command());
        ArrayNode rules = o.putArray("rules");
        for (RuleSweep s : sweeps) {
            ObjectNode r = rules.addObject();
            r.put("rule", s.rule());
            r.put("key", s.key());
            r.put("default", SweepTable.plain(s.defaultValue()));
            ArrayNode points = r.putArray("points");
            for (RuleSweep.Measured m : s.points()) {
                ObjectNode p = points.addObject();
                p.put("value", SweepTable.plain(m.value()));
                p.put("tp", m.truePositives());
                p.put("fp", m.falsePositives());
                p.put("fn", m.falseNegatives());
                p.put("alarms", m.alarms());
                ratio(p, "precision", m.precision());
                ratio(p, "recall", m.recall());
            }
        }
        return o;
    }

    private static void ratio(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, rounded(v));
        }
    }

    /** Four decimals, as the suite's scores (ScoreJson). */
    static BigDecimal rounded(double v) {
        return SweepTable.plain(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP));
    }

    static String csv(List<RuleSweep> sweeps) {
        StringBuilder out = new StringBuilder("rule,key,default,value,tp,fp,fn,alarms,precision,recall\n");
        for (RuleSweep s : sweeps) {
            for (RuleSweep.Measured m : s.points()) {
                out.append(String.join(
                                ",",
                                s.rule(),
                                s.key(),
                                SweepTable.text(s.defaultValue()),
                                SweepTable.text(m.value()),
                                Integer.toString(m.truePositives()),
                                Integer.toString(m.falsePositives()),
                                Integer.toString(m.falseNegatives()),
                                Integer.toString(m.alarms()),
                                m.precision() == null
                                        ? ""
                                        : rounded(m.precision()).toPlainString(),
                                m.recall() == null ? "" : rounded(m.recall()).toPlainString()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The reports module's record of one row: an undefined ratio is NaN there (a gap in the curve). */
    static ThresholdSweep chartRecord(RuleSweep s) {
        return new ThresholdSweep(
                s.rule(),
                s.key(),
                s.points().stream()
                        .map(m -> new SweepPoint(
                                m.value().doubleValue(), nanIfNull(m.precision()), nanIfNull(m.recall())))
                        .toList(),
                s.defaultValue().doubleValue());
    }

    private static double nanIfNull(Double v) {
        return v == null ? Double.NaN : v;
    }

    static String chartName(int index) {
        return "sweep-%02d".formatted(index + 1);
    }

    private static String html(RunInfo run, List<RuleSweep> sweeps) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<title>规则阈值验证 (validate-rules)</title>\n<style>\n")
                .append("body{font-family:\"WenQuanYi Micro Hei\",sans-serif;margin:2em;max-width:1000px}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
                .append("td,th{border:1px solid #bbb;padding:0.2em 0.6em}td.num{text-align:right}\n")
                .append("tr.default{font-weight:bold;background:#eef3fb}.meta{color:#555}\n")
                .append("img{max-width:100%}\n</style>\n</head>\n<body>\n")
                .append("<h1>规则阈值验证 (validate-rules)</h1>\n<p class=\"meta\">种子 ")
                .append(run.seed())
                .append(" · 企业 ")
                .append(run.enterprises())
                .append(" 家 × ")
                .append(run.points())
                .append(" 个监控点 · ")
                .append(number(run.days()))
                .append(" 天, 自 ")
                .append(text(run.start().toString()))
                .append(" (")
                .append(text(run.zone().getId()))
                .append(") · 故障率 ")
                .append(number(run.faultRate()))
                .append(" 次/企业/天 · 注入故障 ")
                .append(run.faultCount())
                .append(" 个");
        run.faults()
                .forEach((kind, n) ->
                        page.append(" · ").append(text(kind)).append(' ').append(n));
        page.append("</p>\n<p class=\"meta\">重放: <code>")
                .append(text(run.command()))
                .append("</code></p>\n")
                .append("<p>精确率 = 命中故障的告警 ÷ 告警数 (无告警时未定义); 召回率 = 检出的 (故障, 规则) ÷ 应检出的 (无相应故障时未定义)。")
                .append("只对照注入的故障评分: 没有注入故障却发生的真实异常也算误报。粗体行为当前取值 (默认)。</p>\n");
        for (int i = 0; i < sweeps.size(); i++) {
            RuleSweep s = sweeps.get(i);
            page.append("<h2 id=\"")
                    .append(chartName(i))
                    .append("\">")
                    .append(text(RuleTitles.labelled(s.rule())))
                    .append(" · <code>")
                    .append(text(s.key()))
                    .append("</code> (默认 ")
                    .append(SweepTable.text(s.defaultValue()))
                    .append(")</h2>\n<figure><img src=\"charts/")
                    .append(chartName(i))
                    .append(".png\" alt=\"")
                    .append(text(s.rule() + " " + s.key()))
                    .append("\"><figcaption><a href=\"charts/")
                    .append(chartName(i))
                    .append(".svg\">SVG</a></figcaption></figure>\n")
                    .append("<table>\n<tr><th>")
                    .append(text(s.key()))
                    .append("</th><th>TP</th><th>FP</th><th>FN</th><th>告警</th><th>精确率</th><th>召回率</th></tr>\n");
            for (RuleSweep.Measured m : s.points()) {
                page.append(m.value().compareTo(s.defaultValue()) == 0 ? "<tr class=\"default\">" : "<tr>")
                        .append(cell(SweepTable.text(m.value())))
                        .append(cell(Integer.toString(m.truePositives())))
                        .append(cell(Integer.toString(m.falsePositives())))
                        .append(cell(Integer.toString(m.falseNegatives())))
                        .append(cell(Integer.toString(m.alarms())))
                        .append(cell(percent(m.precision())))
                        .append(cell(percent(m.recall())))
                        .append("</tr>\n");
            }
            page.append("</table>\n");
        }
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static String cell(String v) {
        return "<td class=\"num\">" + text(v) + "</td>";
    }

    private static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String text(String raw) {
        return raw.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
