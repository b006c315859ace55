package io.pollwatt.report.chart;

import static io.pollwatt.report.fixture.SampleRecords.FAN_OFF_END;
import static io.pollwatt.report.fixture.SampleRecords.FAN_OFF_START;
import static io.pollwatt.report.fixture.SampleRecords.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.report.fixture.Images;
import io.pollwatt.report.fixture.SampleRecords;
import io.pollwatt.report.model.OperatingState;
import io.pollwatt.report.model.PointRole;
import io.pollwatt.report.model.PointSeries;
import io.pollwatt.report.model.RaisedAlarm;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.ScenarioStatus;
import io.pollwatt.report.model.StateBand;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCurveChartTest {
    private final ScenarioReport scenario = SampleRecords.fanOffScenario();
    private final PointSeries fan = SampleRecords.fan();

    private XYPlot subplot(JFreeChart chart, int index) {
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        return plots.get(index);
    }

    @Test
    void power_and_current_series_hold_every_sample_with_missing_readings_as_gaps() {
        JFreeChart chart = Charts.loadCurve(scenario, fan, ZONE);
        XYPlot curves = subplot(chart, LoadCurveChart.CURVE_PLOT);
        XYDataset power = curves.getDataset(0);
        XYDataset current = curves.getDataset(1);

        assertThat(power.getItemCount(0)).isEqualTo(96);
        assertThat(current.getItemCount(0)).isEqualTo(96);
        for (int i = 0; i < 96; i++) {
            assertThat(power.getXValue(0, i))
                    .isEqualTo(fan.samples().get(i).time().toEpochMilli());
        }
        int gap = 12; // 03:00 is the 13th sample of the day
        assertThat(fan.samples().get(gap).time()).isEqualTo(SampleRecords.GAP_START);
        assertThat(power.getYValue(0, gap)).isNaN();
        assertThat(current.getYValue(0, gap + 1)).isNaN();
        int fanOff = 13 * 4;
        assertThat(power.getYValue(0, fanOff)).isEqualTo(0.4);
        assertThat(power.getYValue(0, fanOff - 1)).isEqualTo(30.0);
        assertThat(current.getYValue(0, fanOff - 1)).isEqualTo(30.0 * 1.7);
    }

    @Test
    void the_points_true_state_bands_become_background_markers_at_their_times() {
        JFreeChart chart = Charts.loadCurve(scenario, fan, ZONE);
        Collection<?> markers = subplot(chart, LoadCurveChart.CURVE_PLOT).getDomainMarkers(Layer.BACKGROUND);
        List<StateBand> fanBands = SampleRecords.states().stream()
                .filter(b -> b.pointId().equals("T1"))
                .toList();

        assertThat(markers).hasSize(fanBands.size());
        assertThat(markers)
                .map(m -> (IntervalMarker) m)
                .anySatisfy(m -> {
                    assertThat(m.getStartValue()).isEqualTo(FAN_OFF_START.toEpochMilli());
                    assertThat(m.getEndValue()).isEqualTo(FAN_OFF_END.toEpochMilli());
                    assertThat(m.getPaint()).isEqualTo(ChartStyle.paintOf(OperatingState.OFF));
                })
                .anySatisfy(m -> {
                    assertThat(m.getStartValue()).isEqualTo(SampleRecords.GAP_START.toEpochMilli());
                    assertThat(m.getPaint()).isEqualTo(ChartStyle.paintOf(OperatingState.NO_DATA));
                });
    }

    @Test
    void truth_and_alarm_lanes_hold_the_windows_that_concern_the_point() {
        JFreeChart fanChart = Charts.loadCurve(scenario, fan, ZONE);
        XYIntervalSeriesCollection lanes = (XYIntervalSeriesCollection)
                subplot(fanChart, LoadCurveChart.LANE_PLOT).getDataset();

        // alarm lane: ALM-01 on T1 and the enterprise-wide DQ-06 (the lane keeps its windows in time order)
        assertThat(lanes.getItemCount(LoadCurveChart.ALARM_LANE)).isEqualTo(2);
        assertThat(window(lanes, LoadCurveChart.ALARM_LANE, 0))
                .containsExactly(
                        (double) SampleRecords.at(3, 0).toEpochMilli(),
                        (double) SampleRecords.at(3, 30).toEpochMilli(),
                        (double) LoadCurveChart.ALARM_LANE);
        assertThat(window(lanes, LoadCurveChart.ALARM_LANE, 1))
                .containsExactly((double) FAN_OFF_START.toEpochMilli(), (double) FAN_OFF_END.toEpochMilli(), (double)
                        LoadCurveChart.ALARM_LANE);
        // truth lane: the fan-off window
        assertThat(lanes.getItemCount(LoadCurveChart.TRUTH_LANE)).isEqualTo(1);
        assertThat(window(lanes, LoadCurveChart.TRUTH_LANE, 0))
                .containsExactly((double) FAN_OFF_START.toEpochMilli(), (double) FAN_OFF_END.toEpochMilli(), (double)
                        LoadCurveChart.TRUTH_LANE);

        // the main meter is not the fault's target: only the enterprise-wide alarm shows there
        JFreeChart mainChart = Charts.loadCurve(scenario, SampleRecords.main(), ZONE);
        XYIntervalSeriesCollection mainLanes = (XYIntervalSeriesCollection)
                subplot(mainChart, LoadCurveChart.LANE_PLOT).getDataset();
        assertThat(mainLanes.getItemCount(LoadCurveChart.TRUTH_LANE)).isZero();
        assertThat(mainLanes.getItemCount(LoadCurveChart.ALARM_LANE)).isEqualTo(1);
    }

    private static List<Double> window(XYIntervalSeriesCollection lanes, int series, int item) {
        return List.of(
                lanes.getStartXValue(series, item), lanes.getEndXValue(series, item), lanes.getYValue(series, item));
    }

    @Test
    void the_time_axis_runs_in_the_enterprise_zone_not_the_machines() {
        JFreeChart chart = Charts.loadCurve(scenario, fan, ZONE);
        DateAxis axis = (DateAxis) chart.getXYPlot().getDomainAxis();
        assertThat(axis.getTimeZone()).isEqualTo(TimeZone.getTimeZone(ZONE));
        assertThat(axis.getDateFormatOverride().format(java.util.Date.from(FAN_OFF_START)))
                .isEqualTo("03-02 13:00");
    }

    @Test
    void an_open_alarm_is_drawn_up_to_the_last_sample() {
        RaisedAlarm open = new RaisedAlarm(
                "A-0003", "ALM-01", "midRun", 2, "k", List.of("T1"), FAN_OFF_START, null, List.of(), null, null);
        ScenarioReport withOpen = new ScenarioReport(
                "s",
                null,
                0,
                List.of(),
                ScenarioStatus.PASSED,
                null,
                List.of(fan),
                List.of(),
                List.of(),
                List.of(open),
                List.of(),
                List.of(),
                List.of());
        XYIntervalSeriesCollection lanes =
                (XYIntervalSeriesCollection) subplot(Charts.loadCurve(withOpen, fan, ZONE), LoadCurveChart.LANE_PLOT)
                        .getDataset();

        Instant lastSample = fan.samples().get(fan.samples().size() - 1).time();
        assertThat(lanes.getEndXValue(LoadCurveChart.ALARM_LANE, 0)).isEqualTo(lastSample.toEpochMilli());
    }

    @Test
    void a_point_without_samples_still_renders(@TempDir Path dir) {
        PointSeries empty = new PointSeries("T9", "T9 备用风机", PointRole.TREAT, List.of());
        Path png = ChartFiles.png(Charts.loadCurve(scenario, empty, ZONE), dir.resolve("empty.png"), 800, 400);
        Images.assertDrawn(png, 800, 400);
    }

    @Test
    void renders_a_png_of_the_asked_size_that_is_not_blank(@TempDir Path dir) {
        Path png = ChartFiles.png(Charts.loadCurve(scenario, fan, ZONE), dir.resolve("fan.png"), 1100, 460);
        Images.assertDrawn(png, 1100, 460);
    }
}
