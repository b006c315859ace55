package io.pollwatt.report.chart;

import io.pollwatt.report.model.EnergyDay;
import java.awt.Color;
import java.awt.Paint;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.GroupedStackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.KeyToGroupMap;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * An enterprise's energy balance per day (AGG-05, DQ-11): the main meter's bar beside the stacked bars of its
 * sub-meters. The stack should stay at or below the main bar; a stack above it is DQ-11's finding.
 */
public final class EnergyBalanceChart {
    /** Row key of the main meter in the dataset; the sub-meters' rows are their labels. */
    public static final String MAIN_ROW = "企业总表";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final Paint[] SUB_METER_PAINTS = {
        new Color(0x43, 0xa0, 0x47), new Color(0xfb, 0x8c, 0x00), new Color(0x8e, 0x24, 0xaa),
        new Color(0x00, 0x89, 0x7b), new Color(0xc0, 0xca, 0x33), new Color(0x6d, 0x4c, 0x41),
        new Color(0xec, 0x40, 0x7a), new Color(0x54, 0x6e, 0x7a)
    };

    private EnergyBalanceChart() {}

    public static JFreeChart create(String enterprise, List<EnergyDay> days) {
        String title = enterprise + " 日电量平衡 (总表与分表)";
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<String> subMeters = new LinkedHashSet<>();
        days.forEach(day -> subMeters.addAll(day.subMeterKwh().keySet()));
        KeyToGroupMap groups = new KeyToGroupMap("总表");
        groups.mapKeyToGroup(MAIN_ROW, "总表");
        for (EnergyDay day : days) {
            String column = DAY.format(day.date());
            dataset.addValue(day.mainKwh(), MAIN_ROW, column);
            for (String subMeter : subMeters) {
                dataset.addValue(day.subMeterKwh().getOrDefault(subMeter, 0.0), subMeter, column);
            }
        }
        subMeters.forEach(subMeter -> groups.mapKeyToGroup(subMeter, "分表"));

        GroupedStackedBarRenderer renderer = new GroupedStackedBarRenderer();

        ChartStyle.keepOwnPaints(renderer);
        renderer.setSeriesToGroupMap(groups);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.08);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xbf));
        List<String> rows = new ArrayList<>(subMeters);
        for (int i = 0; i < rows.size(); i++) {
            renderer.setSeriesPaint(i + 1, SUB_METER_PAINTS[i % SUB_METER_PAINTS.length]);
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("日期"), new NumberAxis("电量 (kWh)"), renderer);
        for (EnergyDay day : days) {
            if (day.subMeterTotalKwh() > day.mainKwh()) {
                // DQ-11 compares daily totals: mark the day so nobody has to compare bar heights by eye
                CategoryTextAnnotation mark = new CategoryTextAnnotation(
                        "Σ分表 > 总表 (DQ-11)", DAY.format(day.date()), day.subMeterTotalKwh() * 1.04);
                mark.setFont(ChartStyle.small());
                mark.setPaint(ChartStyle.LIMIT);
                plot.addAnnotation(mark);
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        List<String> labels = new ArrayList<>(rows);
        labels.add(title);
        return ChartStyle.themed(chart, labels.toArray(String[]::new));
    }
}
