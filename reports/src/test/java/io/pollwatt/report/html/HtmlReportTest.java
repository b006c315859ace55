package io.pollwatt.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.report.fixture.Images;
import io.pollwatt.report.fixture.Pages;
import io.pollwatt.report.fixture.SampleRecords;
import io.pollwatt.report.model.RaisedAlarm;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.ScenarioStatus;
import io.pollwatt.report.model.SuiteReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void every_relative_link_of_the_report_resolves_to_a_file_in_its_folder() {
        Path index = HtmlReport.write(dir, SampleRecords.suite());

        assertThat(index).isEqualTo(dir.resolve("index.html"));
        int checked = Pages.assertLinksResolve(index, dir);
        // 3 load curves, TVOC, energy, completeness (PNG + SVG each), a sweep and 3 delay histograms, an evidence
        // page and its link back, and the anchors of the contents
        assertThat(checked).isGreaterThan(25);
        Pages.assertWellFormed(index);
    }

    @Test
    void the_verdict_comes_first_then_the_scenarios_the_rules_and_the_replay() {
        String page = Pages.read(HtmlReport.write(dir, SampleRecords.suite()));

        int verdict = page.indexOf("总体结论: 不通过");
        int scenario = page.indexOf("场景 1: 定型机运行时治污风机停运 90 分钟");
        int rules = page.indexOf("id=\"rules\"");
        int replay = page.indexOf("id=\"replay\"");
        assertThat(verdict).isPositive();
        assertThat(scenario).isGreaterThan(verdict);
        assertThat(rules).isGreaterThan(scenario);
        assertThat(replay).isGreaterThan(rules);
        assertThat(page)
                .contains("场景 2 个: 通过 1, 不通过 1, 跳过 0")
                .contains("协议一致性 411/412 项通过")
                .contains("ALM-01 治污设施未开启/停运 (产治污不同步)")
                .contains("./testbed suite --seed 7")
                .contains("<td>domain-rules.md</td><td>2026-12-01</td>");
    }

    @Test
    void every_text_from_the_records_is_escaped() {
        String page = Pages.read(HtmlReport.write(dir, SampleRecords.suite()));

        assertThat(page)
                .contains("CT 变比错误 &lt;200/5 配成 100/5&gt; &amp; 告警")
                .contains("expected 1 alarm DQ-14 on &quot;P1&quot;, got 0")
                .doesNotContain("<200/5");
    }

    @Test
    void alarms_link_to_their_evidence_frames_and_show_whether_they_matched_the_truth() throws IOException {
        Path index = HtmlReport.write(dir, SampleRecords.suite());
        String page = Pages.read(index);

        assertThat(page).contains("<a href=\"evidence/s01-a01.html\">2 帧</a>");
        assertThat(page).contains("<a href=\"https://platform.example/api/alarms/A-0002/evidence\">证据</a>");
        assertThat(page).contains("无 (误报)").contains("treatment-off");
        String evidence = Files.readString(dir.resolve("evidence/s01-a01.html"));
        assertThat(evidence)
                .contains(SampleRecords.alm01().evidenceFrames().get(0).replace("&", "&amp;"))
                .contains("href=\"../index.html#s01\"");
        Pages.assertWellFormed(dir.resolve("evidence/s01-a01.html"));
    }

    @Test
    void charts_are_written_as_png_of_their_size_and_svg() throws IOException {
        HtmlReport.write(dir, SampleRecords.suite());

        Images.assertDrawn(dir.resolve("charts/s01-load-01.png"), 1100, 460);
        Images.assertDrawn(dir.resolve("charts/s01-energy.png"), 900, 400);
        Images.assertDrawn(dir.resolve("charts/s01-completeness.png"), 900, 256);
        Images.assertDrawn(dir.resolve("charts/sweep-01.png"), 560, 340);
        Images.assertDrawn(dir.resolve("charts/delay-01.png"), 560, 340);
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            // a rule without delays (DQ-14) gets no histogram
            assertThat(names)
                    .contains("delay-01.png", "delay-02.png", "delay-03.png", "s01-tvoc-01.svg")
                    .doesNotContain("delay-04.png");
            assertThat(names.stream().filter(n -> n.endsWith(".png")).count())
                    .isEqualTo(names.stream().filter(n -> n.endsWith(".svg")).count());
        }
    }

    @Test
    void the_same_report_gives_the_same_bytes() throws IOException {
        Path first = HtmlReport.write(dir.resolve("a"), SampleRecords.suite());
        Path second = HtmlReport.write(dir.resolve("b"), SampleRecords.suite());

        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        // the charts are drawn on several threads: each file is still the same bytes
        List<Path> charts;
        try (Stream<Path> files = Files.list(dir.resolve("a/charts"))) {
            charts = files.sorted().toList();
        }
        assertThat(charts).hasSizeGreaterThan(10);
        for (Path chart : charts) {
            assertThat(Files.readAllBytes(chart))
                    .as(chart.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("b/charts").resolve(chart.getFileName())));
        }
    }

    @Test
    void a_chart_that_cannot_be_written_fails_the_report_naming_the_chart_and_its_file() throws IOException {
        Files.writeString(dir.resolve("charts"), "a file where the charts folder should be");

        assertThatThrownBy(() -> HtmlReport.write(dir, SampleRecords.suite()))
                .hasMessageContaining("cannot write chart '")
                .hasMessageContaining(dir.resolve("charts").toString());
    }

    @Test
    void a_missed_fault_and_a_passed_run_are_shown_as_such() {
        ScenarioReport missed = new ScenarioReport(
                "漏报",
                null,
                0,
                List.of(),
                ScenarioStatus.PASSED,
                null,
                List.of(SampleRecords.fan()),
                List.of(),
                List.of(SampleRecords.fanOff()),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        SuiteReport suite = new SuiteReport(
                "运行",
                true,
                1L,
                null,
                java.util.Map.of(),
                "t",
                SampleRecords.ZONE,
                List.of(missed),
                List.of(),
                List.of(),
                null);

        String page = Pages.read(HtmlReport.write(dir, suite));
        assertThat(page).contains("总体结论: 通过").contains("否 (漏报)").contains("平台未产生告警");
        Pages.assertLinksResolve(dir.resolve("index.html"), dir);
    }

    @Test
    void a_relative_evidence_link_that_does_not_resolve_is_refused_naming_the_alarm() {
        RaisedAlarm alarm = new RaisedAlarm(
                "A-0009",
                "ALM-01",
                null,
                2,
                "k",
                List.of("T1"),
                SampleRecords.FAN_OFF_START,
                null,
                List.of(),
                "evidence/nowhere.txt",
                null);
        ScenarioReport scenario = new ScenarioReport(
                "s",
                null,
                0,
                List.of(),
                ScenarioStatus.PASSED,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(alarm),
                List.of(),
                List.of(),
                List.of());
        SuiteReport suite = new SuiteReport(
                "运行",
                true,
                1L,
                null,
                java.util.Map.of(),
                "t",
                SampleRecords.ZONE,
                List.of(scenario),
                List.of(),
                List.of(),
                null);

        assertThatThrownBy(() -> HtmlReport.write(dir, suite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A-0009")
                .hasMessageContaining("evidence/nowhere.txt");
    }
}
