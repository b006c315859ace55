package io.pollwatt.report.chart;

import io.pollwatt.report.model.OperatingState;
import io.pollwatt.report.model.StateBand;
import io.pollwatt.report.model.TvocSample;
import io.pollwatt.report.model.TvocSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * TVOC at a stack over time with the treatment facility's operating state as background bands and the
 * enterprise's limit (VOC-01) as a line: a rise while treatment is OFF is what a person looks for.
 */
public final class TvocChart {
    private TvocChart() {}

    public static JFreeChart create(TvocSeries tvoc, ZoneId zone) {
        String title = tvoc.label() + " TVOC 与治污设施工况";
        XYSeries series = new XYSeries("TVOC (mg/m³)", false, true);
        for (TvocSample sample : tvoc.samples()) {
            series.add(sample.time().toEpochMilli(), sample.tvocMgPerM3());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        ChartStyle.keepOwnPaints(renderer);
        renderer.setSeriesPaint(0, new Color(0x5d, 0x40, 0x37));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis y = new NumberAxis("TVOC (mg/m³)");
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), ChartStyle.timeAxis(zone), y, renderer);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.legendItem("TVOC (mg/m³)", new Color(0x5d, 0x40, 0x37)));
        Set<OperatingState> shown = EnumSet.noneOf(OperatingState.class);
        for (StateBand band : tvoc.treatmentStates()) {
            plot.addDomainMarker(
                    ChartStyle.band(
                            band.start().toEpochMilli(), band.end().toEpochMilli(), ChartStyle.paintOf(band.state())),
                    Layer.BACKGROUND);
            shown.add(band.state());
        }
        shown.forEach(
                state -> legend.add(ChartStyle.legendItem("治污设施: " + state.chinese(), ChartStyle.paintOf(state))));
        if (tvoc.limitMgPerM3() != null) {
            ValueMarker limit = new ValueMarker(tvoc.limitMgPerM3());
            limit.setPaint(ChartStyle.LIMIT);
            limit.setStroke(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            limit.setLabel("限值 " + tvoc.limitMgPerM3() + " mg/m³");
            limit.setLabelFont(ChartStyle.small());
            limit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            limit.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(limit);
            legend.add(ChartStyle.legendItem("限值 (VOC-01)", ChartStyle.LIMIT));
        }
        double top = tvoc.samples().stream()
                .map(TvocSample::tvocMgPerM3)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        if (tvoc.limitMgPerM3() != null) {
            top = Math.max(top, tvoc.limitMgPerM3());
        }
        if (top > 0) {
            // a limit above every reading must still show: the axis does not range over markers by itself
            y.setRange(0, top * 1.15);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.themed(chart, title);
    }
}
