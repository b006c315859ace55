package io.pollwatt.report.html;

import io.pollwatt.report.chart.ChartFiles;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/** Writes charts into a report folder's {@code charts/} as PNG and SVG and gives the page its figure markup. */
final class ChartSet {
    static final String FOLDER = "charts";
    static final int NARROW_MAX_WIDTH = 700;

    private final Path dir;
    private final boolean svg;

    ChartSet(Path dir, boolean svg) {
        this.dir = dir;
        this.svg = svg;
    }

    /** Writes the chart as charts/NAME.png (and .svg) and returns a figure showing it, linked to the SVG. */
    String figure(JFreeChart chart, String name, int width, int height) {
        String png = FOLDER + "/" + name + ".png";
        ChartFiles.png(chart, dir.resolve(png), width, height);
        String alt = Html.text(chart.getTitle().getText());
        // small charts (rule quality) sit side by side; time-axis charts take the page's width
        StringBuilder out = new StringBuilder(width <= NARROW_MAX_WIDTH ? "<figure class=\"narrow\">" : "<figure>");
        if (svg) {
            String svgFile = FOLDER + "/" + name + ".svg";
            ChartFiles.svg(chart, dir.resolve(svgFile), width, height);
            out.append("<a href=\"").append(svgFile).append("\">");
            out.append("<img src=\"")
                    .append(png)
                    .append("\" alt=\"")
                    .append(alt)
                    .append("\"/></a>");
        } else {
            out.append("<img src=\"")
                    .append(png)
                    .append("\" alt=\"")
                    .append(alt)
                    .append("\"/>");
        }
        return out.append("</figure>\n").toString();
    }
}
