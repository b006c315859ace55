package io.pollwatt.report.chart;

import static io.pollwatt.report.fixture.SampleRecords.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.report.fixture.Images;
import io.pollwatt.report.fixture.SampleRecords;
import io.pollwatt.report.model.Completeness;
import io.pollwatt.report.model.OperatingState;
import io.pollwatt.report.model.RuleQuality;
import io.pollwatt.report.model.SweepPoint;
import io.pollwatt.report.model.ThresholdSweep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherChartsTest {
    @Test
    void energy_balance_puts_the_main_meter_beside_the_stacked_sub_meters_per_day(@TempDir Path dir) {
        JFreeChart chart = Charts.energyBalance(SampleRecords.ENTERPRISE, SampleRecords.week());
        CategoryDataset dataset = ((CategoryPlot) chart.getPlot()).getDataset();

        assertThat(dataset.getRowKeys()).containsExactly(EnergyBalanceChart.MAIN_ROW, "P1 定型机", "T1 治污风机", "I1 办公照明");
        assertThat(dataset.getColumnKeys())
                .containsExactly("02-24", "02-25", "02-26", "02-27", "02-28", "03-01", "03-02");
        assertThat(dataset.getValue(EnergyBalanceChart.MAIN_ROW, "03-01")).isEqualTo(1800.0);
        assertThat(dataset.getValue("P1 定型机", "03-01")).isEqualTo(1500.0);
        assertThat(dataset.getValue("T1 治污风机", "02-26")).isEqualTo(300.0);
        // 03-01: 1500 + 360 + 120 kWh of sub-meters against 1800 kWh on the main meter, DQ-11's finding
        assertThat(((CategoryPlot) chart.getPlot()).getAnnotations())
                .singleElement()
                .satisfies(a ->
                        assertThat(((CategoryTextAnnotation) a).getCategory()).isEqualTo("03-01"));

        Images.assertDrawn(ChartFiles.png(chart, dir.resolve("energy.png"), 900, 400), 900, 400);
    }

    @Test
    void completeness_heatmap_has_one_cell_per_point_and_day_holding_the_ratio(@TempDir Path dir) {
        List<Completeness> cells = SampleRecords.completeness();
        JFreeChart chart = Charts.completeness("数据完整率", cells);
        XYZDataset dataset = (XYZDataset) chart.getXYPlot().getDataset();

        assertThat(dataset.getItemCount(0)).isEqualTo(21);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).pointId().equals("T1") && cells.get(i).date().equals(SampleRecords.DAY.minusDays(3))) {
                assertThat(dataset.getXValue(0, i)).isEqualTo(3.0); // fourth day
                assertThat(dataset.getYValue(0, i)).isEqualTo(2.0); // third point
                assertThat(dataset.getZValue(0, i)).isEqualTo(0.62);
            }
        }
        Images.assertDrawn(ChartFiles.png(chart, dir.resolve("completeness.png"), 900, 256), 900, 256);
    }

    @Test
    void threshold_sweep_draws_precision_and_recall_against_the_parameter() {
        JFreeChart chart = Charts.thresholdSweep(SampleRecords.sweep());
        XYDataset dataset = chart.getXYPlot().getDataset();

        assertThat(dataset.getSeriesCount()).isEqualTo(2);
        assertThat(dataset.getItemCount(0)).isEqualTo(6);
        assertThat(dataset.getXValue(0, 2)).isEqualTo(45.0);
        assertThat(dataset.getYValue(0, 0)).isEqualTo(0.55);
        assertThat(dataset.getYValue(1, 5)).isEqualTo(0.45);
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("alm.notRunningMinMin");
    }

    @Test
    void threshold_sweep_marks_the_default_and_leaves_gaps_where_a_ratio_is_undefined(@TempDir Path dir) {
        ThresholdSweep sweep = new ThresholdSweep(
                "DQ-12",
                "dq.constantSamples",
                List.of(new SweepPoint(4, 0.5, 1), new SweepPoint(8, Double.NaN, 0), new SweepPoint(16, 1, 0.25)),
                8);
        JFreeChart chart = Charts.thresholdSweep(sweep);
        XYPlot plot = chart.getXYPlot();

        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).singleElement().satisfies(m -> {
            assertThat(((ValueMarker) m).getValue()).isEqualTo(8.0);
            assertThat(((ValueMarker) m).getLabel()).isEqualTo("默认 8");
        });
        assertThat(plot.getDataset().getYValue(0, 1)).isNaN();
        assertThat(plot.getDataset().getYValue(1, 1)).isEqualTo(0.0);
        assertThat(Charts.thresholdSweep(SampleRecords.sweep()).getXYPlot().getDomainMarkers(Layer.FOREGROUND))
                .isNull();
        Images.assertDrawn(ChartFiles.png(chart, dir.resolve("sweep.png"), 560, 340), 560, 340);
    }

    @Test
    void sweep_point_refuses_a_ratio_outside_zero_to_one_but_takes_an_undefined_one() {
        assertThatThrownBy(() -> new SweepPoint(30, 1.2, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SweepPoint at 30.0.precision must be a ratio in [0, 1], got 1.2");
        assertThat(new SweepPoint(30, Double.NaN, Double.NaN).recall()).isNaN();
    }

    @Test
    void delay_histogram_bins_delays_by_fifteen_minutes() {
        RuleQuality dq06 = SampleRecords.rules().get(2); // 15 and 95 minutes
        JFreeChart chart = Charts.detectionDelays(dq06);
        IntervalXYDataset bins = (IntervalXYDataset) chart.getXYPlot().getDataset();

        assertThat(bins.getItemCount(0)).isEqualTo(7); // 0–15 … 90–105
        assertThat(bins.getStartXValue(0, 1)).isEqualTo(15.0);
        assertThat(bins.getYValue(0, 1)).isEqualTo(1.0); // 15 min
        assertThat(bins.getYValue(0, 6)).isEqualTo(1.0); // 95 min
        assertThat(bins.getYValue(0, 3)).isEqualTo(0.0);
    }

    @Test
    void delay_histogram_widens_its_bins_for_long_delays_and_refuses_a_rule_without_delays() {
        RuleQuality slow = new RuleQuality("ALM-10", 1, 0, 0, List.of(Duration.ofHours(20)));
        IntervalXYDataset bins =
                (IntervalXYDataset) Charts.detectionDelays(slow).getXYPlot().getDataset();
        assertThat(bins.getItemCount(0)).isLessThanOrEqualTo(RuleQualityCharts.MAX_BINS);

        RuleQuality none = SampleRecords.rules().get(3);
        assertThatThrownBy(() -> Charts.detectionDelays(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DQ-14");
    }

    @Test
    void tvoc_chart_shows_the_limit_and_the_treatment_states(@TempDir Path dir) throws Exception {
        JFreeChart chart = Charts.tvoc(SampleRecords.stack(), ZONE);
        XYPlot plot = chart.getXYPlot();

        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(96);
        assertThat((java.util.Collection<?>) plot.getRangeMarkers(Layer.FOREGROUND))
                .singleElement()
                .satisfies(m -> assertThat(((ValueMarker) m).getValue()).isEqualTo(60.0));
        List<IntervalMarker> bands = ((java.util.Collection<?>) plot.getDomainMarkers(Layer.BACKGROUND))
                .stream().map(IntervalMarker.class::cast).toList();
        assertThat(bands).anySatisfy(m -> {
            assertThat(m.getStartValue()).isEqualTo(SampleRecords.FAN_OFF_START.toEpochMilli());
            assertThat(m.getPaint()).isEqualTo(ChartStyle.paintOf(OperatingState.OFF));
        });
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(75.0);

        Path svg = ChartFiles.svg(chart, dir.resolve("tvoc.svg"), 1100, 380);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains("width='1100.0'").contains("治污设施");
        Images.assertDrawn(ChartFiles.png(chart, dir.resolve("tvoc.png"), 1100, 380), 1100, 380);
    }
}
