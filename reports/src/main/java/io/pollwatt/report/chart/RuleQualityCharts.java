package io.pollwatt.report.chart;

import io.pollwatt.report.model.RuleQuality;
import io.pollwatt.report.model.SweepPoint;
import io.pollwatt.report.model.ThresholdSweep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.time.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Detection quality of one rule: precision and recall against a threshold, and a histogram of detection delays. */
public final class RuleQualityCharts {
    /** Delays are binned by the realtime interval Δ = 15 min, widened so no chart has more than MAX_BINS bins. */
    static final long BIN_MINUTES = 15;

    static final int MAX_BINS = 24;

    private RuleQualityCharts() {}

    /**
     * Series 0 is precision, series 1 recall, x the threshold value; an undefined value (NaN) leaves a gap. The
     * sweep's default value, when it has one, is a dashed vertical line labelled 默认.
     */
    public static JFreeChart sweep(ThresholdSweep sweep) {
        String title = sweep.ruleId() + " 精确率/召回率 随 " + sweep.parameter();
        XYSeries precision = new XYSeries("精确率 (precision)", true, false);
        XYSeries recall = new XYSeries("召回率 (recall)", true, false);
        for (SweepPoint point : sweep.points()) {
            precision.add(point.threshold(), point.precision());
            recall.add(point.threshold(), point.recall());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(precision);
        dataset.addSeries(recall);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        ChartStyle.keepOwnPaints(renderer);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xbf));
        renderer.setSeriesPaint(1, new Color(0xe6, 0x51, 0x00));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        NumberAxis x = new NumberAxis(sweep.parameter());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("比率");
        y.setRange(0, 1.05);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        if (!Double.isNaN(sweep.defaultValue())) {
            plot.addDomainMarker(defaultMarker(sweep.defaultValue()));
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.themed(chart, title);
    }

    private static ValueMarker defaultMarker(double value) {
        ValueMarker marker = new ValueMarker(
                value,
                new Color(0x55, 0x55, 0x55),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        String label = "默认 " + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        marker.setLabel(label);
        marker.setLabelFont(ChartFont.of(Font.PLAIN, 12, label));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    /** Histogram of the rule's detection delays in minutes, in bins of 15 min (or a multiple). */
    public static JFreeChart delays(RuleQuality rule) {
        if (rule.detectionDelays().isEmpty()) {
            throw new IllegalArgumentException("RuleQuality " + rule.ruleId() + " has no detection delays to chart");
        }
        String title = rule.ruleId() + " 检测延迟分布";
        double[] minutes = rule.detectionDelays().stream()
                .mapToDouble(RuleQualityCharts::minutes)
                .toArray();
        double max = rule.maxDelay().map(RuleQualityCharts::minutes).orElse(0.0);
        long width = BIN_MINUTES;
        while ((long) Math.floor(max / width) + 1 > MAX_BINS) {
            width += BIN_MINUTES;
        }
        int bins = (int) Math.floor(max / width) + 1;
        HistogramDataset dataset = new HistogramDataset();
        dataset.addSeries("告警数", minutes, bins, 0, (double) bins * width);
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        ChartStyle.keepOwnPaints(renderer);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x00, 0x89, 0x7b));
        NumberAxis x = new NumberAxis("检测延迟 (分钟, 每格 " + width + " 分钟)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("告警数");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double tallest = 0;
        for (int i = 0; i < dataset.getItemCount(0); i++) {
            tallest = Math.max(tallest, dataset.getYValue(0, i));
        }
        y.setRange(0, tallest + 0.5); // room above the tallest bar; the auto range puts it on the frame
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartStyle.themed(chart, title);
    }

    private static double minutes(Duration delay) {
        return delay.toSeconds() / 60.0;
    }
}
