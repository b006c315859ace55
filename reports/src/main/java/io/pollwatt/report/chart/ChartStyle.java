package io.pollwatt.report.chart;

import io.pollwatt.report.model.OperatingState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.renderer.AbstractRenderer;

/** Fonts, colours and the time axis every chart shares, so the charts of one report read alike. */
final class ChartStyle {
    static final Color POWER = new Color(0x1f, 0x5f, 0xbf);
    static final Color CURRENT = new Color(0x9c, 0x4d, 0xcc);
    static final Color TRUTH = new Color(0x6d, 0x4c, 0x41);
    static final Color ALARM = new Color(0xd3, 0x2f, 0x2f);
    static final Color LIMIT = new Color(0xc6, 0x28, 0x28);
    static final Color GOOD = new Color(0x43, 0xa0, 0x47);
    static final Color FAIR = new Color(0xfb, 0x8c, 0x00);
    static final Color POOR = new Color(0xe5, 0x39, 0x35);
    static final float BAND_ALPHA = 0.22f;

    private ChartStyle() {}

    /** Applies the CJK font to titles, axes and legend; checks the labels can be drawn first. */
    static JFreeChart themed(JFreeChart chart, String... labels) {
        ChartFont.of(Font.PLAIN, 12, labels);
        StandardChartTheme theme = new StandardChartTheme("pollwatt");
        theme.setExtraLargeFont(ChartFont.of(Font.BOLD, 16));
        theme.setLargeFont(ChartFont.of(Font.PLAIN, 13));
        theme.setRegularFont(ChartFont.of(Font.PLAIN, 12));
        theme.setSmallFont(ChartFont.of(Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.apply(chart);
        return chart;
    }

    /**
     * The theme clears series paints and strokes of renderers that auto-populate them; the charts give their series
     * meaningful colours (truth brown, alarms red), so they keep their own.
     */
    static void keepOwnPaints(AbstractRenderer renderer) {
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
    }

    /** A legend entry drawn as a small square of the paint, for bands and lanes that have no series of their own. */
    static LegendItem legendItem(String label, Paint paint) {
        LegendItem item = new LegendItem(label, paint);
        item.setShape(new Rectangle(-5, -5, 10, 10));
        return item;
    }

    static Font small() {
        return ChartFont.of(Font.PLAIN, 10);
    }

    /** A time axis in the enterprise's zone; the machine's default zone and locale never leak in (style.md §13). */
    static DateAxis timeAxis(ZoneId zone) {
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        DateAxis axis = new DateAxis("时间 (" + zone.getId() + ")", timeZone, Locale.ROOT);
        SimpleDateFormat format = new SimpleDateFormat("MM-dd HH:mm", Locale.ROOT);
        format.setTimeZone(timeZone);
        axis.setDateFormatOverride(format);
        return axis;
    }

    static Paint paintOf(OperatingState state) {
        return switch (state) {
            case NO_DATA -> new Color(0x9e, 0x9e, 0x9e);
            case OFF -> new Color(0x42, 0x42, 0x42);
            case LOW -> new Color(0xff, 0xb3, 0x00);
            case RUN -> new Color(0x66, 0xbb, 0x6a);
            case HIGH -> new Color(0xe5, 0x39, 0x35);
        };
    }

    static IntervalMarker band(long startMillis, long endMillis, Paint paint) {
        IntervalMarker marker = new IntervalMarker(startMillis, endMillis);
        marker.setPaint(paint);
        marker.setAlpha(BAND_ALPHA);
        marker.setOutlinePaint(null);
        marker.setOutlineStroke(new BasicStroke(0f));
        return marker;
    }
}
