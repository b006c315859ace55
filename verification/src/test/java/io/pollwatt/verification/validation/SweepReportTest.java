package io.pollwatt.verification.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

    private static final RunInfo RUN = new RunInfo(
            7,
            3,
            8,
            1,
            LocalDateTime.of(2026, 3, 2, 0, 0),
            ZoneId.of("Asia/Shanghai"),
            2,
            Map.of("treatment-off", 2, "frozen-meter", 1),
            "./testbed validate-rules --population 3 --days 1 --seed 7");

    private static final List<RuleSweep> SWEEPS = List.of(new RuleSweep(
            "ALM-01",
            "alm.notRunningMinMin",
            new BigDecimal("3E+1"), // as BigDecimal.stripTrailingZeros leaves 30.0
            List.of(
                    new RuleSweep.Measured(new BigDecimal("30.0"), 2, 1, 1, 3, 2.0 / 3, 2.0 / 3),
                    new RuleSweep.Measured(new BigDecimal("60"), 1, 0, 2, 1, 1.0, 1.0 / 3),
                    new RuleSweep.Measured(new BigDecimal("120"), 0, 0, 3, 0, null, 0.0))));

    @Test
    void writes_json_csv_and_a_page_with_one_chart_per_sweep(@TempDir Path dir) throws Exception {
        Path index = SweepReport.write(dir, RUN, SWEEPS);

        String text = Files.readString(dir.resolve("sweeps.json"), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"default\" : 30,")
                .contains("\"value\" : 30,")
                .doesNotContain("E+");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("format").asText()).isEqualTo("pollwatt-rule-sweeps/1");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("faults").get("treatment-off").asInt()).isEqualTo(2);
        JsonNode rule = json.get("rules").get(0);
        assertThat(rule.get("key").asText()).isEqualTo("alm.notRunningMinMin");
        assertThat(rule.get("default").decimalValue()).isEqualByComparingTo("30");
        JsonNode first = rule.get("points").get(0);
        assertThat(List.of(
                        first.get("tp").asInt(),
                        first.get("fp").asInt(),
                        first.get("fn").asInt()))
                .containsExactly(2, 1, 1);
        assertThat(first.get("precision").asDouble()).isEqualTo(0.6667);
        assertThat(rule.get("points").get(2).get("precision").isNull()).isTrue();
        assertThat(rule.get("points").get(2).get("recall").asDouble()).isZero();

        assertThat(Files.readAllLines(dir.resolve("sweeps.csv"), StandardCharsets.UTF_8))
                .containsExactly(
                        "rule,key,default,value,tp,fp,fn,alarms,precision,recall",
                        "ALM-01,alm.notRunningMinMin,30,30,2,1,1,3,0.6667,0.6667",
                        "ALM-01,alm.notRunningMinMin,30,60,1,0,2,1,1,0.3333",
                        "ALM-01,alm.notRunningMinMin,30,120,0,0,3,0,,0");

        String page = Files.readString(index, StandardCharsets.UTF_8);
        assertThat(page)
                .contains("ALM-01 治污设施未开启/停运")
                .contains("<img src=\"charts/sweep-01.png\"")
                .contains("<tr class=\"default\"><td class=\"num\">30</td>")
                .contains("./testbed validate-rules --population 3 --days 1 --seed 7");
        assertThat(dir.resolve("charts/sweep-01.png")).isNotEmptyFile();
        assertThat(dir.resolve("charts/sweep-01.svg")).isNotEmptyFile();
    }

    @Test
    void the_chart_record_marks_the_default_and_carries_undefined_precision_as_nan() {
        var chart = SweepReport.chartRecord(SWEEPS.get(0));

        assertThat(chart.defaultValue()).isEqualTo(30.0);
        assertThat(chart.points().get(2).precision()).isNaN();
        assertThat(chart.points().get(1).recall()).isEqualTo(1.0 / 3);
    }

    @Test
    void the_same_measurements_give_the_same_files(@TempDir Path a, @TempDir Path b) throws Exception {
        SweepReport.write(a, RUN, SWEEPS);
        SweepReport.write(b, RUN, SWEEPS);

        for (String f : List.of("sweeps.json", "sweeps.csv", "index.html", "charts/sweep-01.svg")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }
}
