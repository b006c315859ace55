package io.pollwatt.report.chart;

import io.pollwatt.report.model.Completeness;
import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Data completeness as a heatmap, point × day: each cell is the day's effective transmission rate of the point
 * (AC-11), green at or above the 90 % target (ac.transmissionRateMin), orange below it, red under half.
 */
public final class CompletenessChart {
    /** Target of AC-09/AC-11 and OP-01. */
    public static final double TARGET = 0.90;

    private static final double POOR_BELOW = 0.5;
    private static final int MAX_CELLS_WITH_TEXT = 400;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private CompletenessChart() {}

    /** Days run along x (in date order), points along y (in the order first given). */
    public static JFreeChart create(String title, List<Completeness> cells) {
        List<LocalDate> days = new ArrayList<>(
                new TreeSet<>(cells.stream().map(Completeness::date).toList()));
        List<String> points =
                cells.stream().map(Completeness::pointId).distinct().toList();
        double[][] series = new double[3][cells.size()];
        XYPlot plot = new XYPlot();
        for (int i = 0; i < cells.size(); i++) {
            Completeness cell = cells.get(i);
            series[0][i] = days.indexOf(cell.date());
            series[1][i] = points.indexOf(cell.pointId());
            series[2][i] = cell.ratio();
            if (cells.size() <= MAX_CELLS_WITH_TEXT) {
                XYTextAnnotation text =
                        new XYTextAnnotation(Math.round(cell.ratio() * 100) + "%", series[0][i], series[1][i]);
                text.setFont(ChartStyle.small());
                plot.addAnnotation(text);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("完整率", series);

        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.LIGHT_GRAY);
        scale.add(0, ChartStyle.POOR);
        scale.add(POOR_BELOW, ChartStyle.FAIR);
        scale.add(TARGET, ChartStyle.GOOD);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(0.95);
        renderer.setBlockHeight(0.9);

        SymbolAxis x = new SymbolAxis("日期", days.stream().map(DAY::format).toArray(String[]::new));
        SymbolAxis y = new SymbolAxis("计量点", points.toArray(String[]::new));
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setRange(-0.5, Math.max(days.size(), 1) - 0.5);
        y.setRange(-0.5, Math.max(points.size(), 1) - 0.5);
        y.setInverted(true); // the first point on top, as in the tables beside it
        plot.setDataset(dataset);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setRenderer(renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.legendItem("≥ 90 % (达标)", ChartStyle.GOOD));
        legend.add(ChartStyle.legendItem("50 %–90 %", ChartStyle.FAIR));
        legend.add(ChartStyle.legendItem("< 50 %", ChartStyle.POOR));
        plot.setFixedLegendItems(legend);
        List<String> labels = new ArrayList<>(points);
        labels.add(title);
        return ChartStyle.themed(chart, labels.toArray(String[]::new));
    }
}
