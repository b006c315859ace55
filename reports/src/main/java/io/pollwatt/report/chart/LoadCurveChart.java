package io.pollwatt.report.chart;

import io.pollwatt.report.model.OperatingState;
import io.pollwatt.report.model.PointSeries;
import io.pollwatt.report.model.RaisedAlarm;
import io.pollwatt.report.model.Sample;
import io.pollwatt.report.model.StateBand;
import io.pollwatt.report.model.TruthWindow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The load curve of one point: P and I over time, the point's true operating states as background bands, and
 * below on the same time axis two lanes, the faults the twin staged (truth) and the alarms the platform raised
 * (detected). A person sees at once whether each fault was caught, and when.
 */
public final class LoadCurveChart {
    /** Index of the P/I plot and of the truth/alarm lanes in the combined plot. */
    public static final int CURVE_PLOT = 0;

    public static final int LANE_PLOT = 1;

    /** Lane of each kind of window on the lane plot's y axis. */
    public static final int ALARM_LANE = 0;

    public static final int TRUTH_LANE = 1;

    /** An open alarm is drawn up to the last sample, or this long when there is none after it. */
    private static final Duration OPEN_ALARM_MIN_LENGTH = Duration.ofMinutes(15);

    private LoadCurveChart() {}

    /**
     * @param states the true states of every point of the scenario; only this point's are drawn
     * @param faults every truth window; those on this point or on no point of {@code pointIds} are drawn
     * @param alarms every raised alarm; those naming this point or no point are drawn
     * @param pointIds the ids of all points of the scenario, to tell a fault on another point from an
     *     enterprise-wide one
     */
    public static JFreeChart create(
            PointSeries series,
            List<StateBand> states,
            List<TruthWindow> faults,
            List<RaisedAlarm> alarms,
            Set<String> pointIds,
            ZoneId zone) {
        String title = series.label() + " 负荷曲线 (" + series.role().chinese() + ")";
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(zone));
        plot.setGap(6);
        XYPlot curves = curvePlot(series);
        Set<OperatingState> shown = EnumSet.noneOf(OperatingState.class);
        for (StateBand band : states) {
            if (band.pointId().equals(series.pointId())) {
                curves.addDomainMarker(
                        ChartStyle.band(
                                band.start().toEpochMilli(),
                                band.end().toEpochMilli(),
                                ChartStyle.paintOf(band.state())),
                        Layer.BACKGROUND);
                shown.add(band.state());
            }
        }
        plot.add(curves, 3);
        Instant lastSample = series.samples().isEmpty()
                ? null
                : series.samples().get(series.samples().size() - 1).time();
        plot.add(lanePlot(series.pointId(), faults, alarms, pointIds, lastSample), 1);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        plot.setFixedLegendItems(legend(shown));
        return ChartStyle.themed(chart, title);
    }

    private static XYPlot curvePlot(PointSeries series) {
        XYSeries power = new XYSeries("P 有功功率 (kW)", false, true);
        XYSeries current = new XYSeries("I 电流 (A)", false, true);
        for (Sample sample : series.samples()) {
            power.add(sample.time().toEpochMilli(), sample.activePowerKw());
            current.add(sample.time().toEpochMilli(), sample.currentAmps());
        }
        XYPlot plot = new XYPlot();
        plot.setDataset(0, new XYSeriesCollection(power));
        plot.setDataset(1, new XYSeriesCollection(current));
        NumberAxis kw = new NumberAxis("P (kW)");
        NumberAxis amps = new NumberAxis("I (A)");
        kw.setAutoRangeIncludesZero(true);
        amps.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(0, kw);
        plot.setRangeAxis(1, amps);
        plot.mapDatasetToRangeAxis(0, 0);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(0, line(ChartStyle.POWER, 2.0f));
        XYLineAndShapeRenderer currentLine = line(ChartStyle.CURRENT, 1.2f);
        // dashed, so P shows through where I follows it closely (a resistive or steady load)
        currentLine.setSeriesStroke(
                0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        plot.setRenderer(1, currentLine);
        return plot;
    }

    private static XYLineAndShapeRenderer line(Color colour, float width) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        ChartStyle.keepOwnPaints(renderer);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(width));
        return renderer;
    }

    private static XYPlot lanePlot(
            String pointId,
            List<TruthWindow> faults,
            List<RaisedAlarm> alarms,
            Set<String> pointIds,
            Instant lastSample) {
        XYIntervalSeries truth = new XYIntervalSeries("真值故障");
        XYIntervalSeries raised = new XYIntervalSeries("平台告警");
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (TruthWindow fault : faults) {
            if (fault.target().equals(pointId) || !pointIds.contains(fault.target())) {
                addWindow(truth, TRUTH_LANE, fault.start(), fault.end());
                labels.add(label(fault.kind(), fault.start(), TRUTH_LANE));
            }
        }
        for (RaisedAlarm alarm : alarms) {
            if (alarm.concerns(pointId)) {
                addWindow(raised, ALARM_LANE, alarm.start(), endOf(alarm, lastSample));
                labels.add(label(alarm.ruleId(), alarm.start(), ALARM_LANE));
            }
        }
        XYIntervalSeriesCollection windows = new XYIntervalSeriesCollection();
        windows.addSeries(raised);
        windows.addSeries(truth);
        XYBarRenderer renderer = new XYBarRenderer();
        ChartStyle.keepOwnPaints(renderer);
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setSeriesPaint(0, ChartStyle.ALARM);
        renderer.setSeriesPaint(1, ChartStyle.TRUTH);
        SymbolAxis lanes = new SymbolAxis(null, new String[] {"平台告警", "真值故障"});
        lanes.setRange(-0.6, 1.6);
        lanes.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(windows, null, lanes, renderer);
        labels.forEach(plot::addAnnotation);
        return plot;
    }

    private static Instant endOf(RaisedAlarm alarm, Instant lastSample) {
        if (alarm.end() != null) {
            return alarm.end();
        }
        Instant minimum = alarm.start().plus(OPEN_ALARM_MIN_LENGTH);
        return lastSample != null && lastSample.isAfter(minimum) ? lastSample : minimum;
    }

    private static void addWindow(XYIntervalSeries series, int lane, Instant start, Instant end) {
        double from = start.toEpochMilli();
        double to = end.toEpochMilli();
        series.add(from, from, to, lane, lane - 0.35, lane + 0.35);
    }

    private static XYTextAnnotation label(String text, Instant at, int lane) {
        XYTextAnnotation annotation = new XYTextAnnotation(" " + text, at.toEpochMilli(), lane);
        annotation.setFont(ChartStyle.small());
        annotation.setPaint(Color.BLACK);
        annotation.setTextAnchor(TextAnchor.CENTER_LEFT);
        ChartFont.require(annotation.getFont(), text);
        return annotation;
    }

    private static LegendItemCollection legend(Set<OperatingState> shown) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(ChartStyle.legendItem("P 有功功率 (kW)", ChartStyle.POWER));
        items.add(ChartStyle.legendItem("I 电流 (A)", ChartStyle.CURRENT));
        for (OperatingState state : shown) {
            items.add(ChartStyle.legendItem("真值工况: " + state.chinese(), ChartStyle.paintOf(state)));
        }
        items.add(ChartStyle.legendItem("真值故障", ChartStyle.TRUTH));
        items.add(ChartStyle.legendItem("平台告警", ChartStyle.ALARM));
        return items;
    }
}
