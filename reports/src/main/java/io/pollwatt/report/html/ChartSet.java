package io.pollwatt.report.html;

import io.pollwatt.report.chart.ChartFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts into a report folder's {@code charts/} as PNG and SVG and gives the page its figure markup. Drawing
 * and encoding the charts is most of a suite report's time (hundreds of charts, one after the other, once the
 * scenarios have ended), so they are written on every core while the page is built; {@link #close} waits for all of
 * them. Each chart is drawn by one thread from its own objects, so the files are the same bytes whatever the order.
 */
final class ChartSet implements AutoCloseable {
    static final String FOLDER = "charts";
    static final int NARROW_MAX_WIDTH = 700;

    private final Path dir;
    private final boolean svg;
    private final ExecutorService drawing;
    private final List<Future<?>> written = new ArrayList<>();

    ChartSet(Path dir, boolean svg) {
        this.dir = dir;
        this.svg = svg;
        this.drawing =
                Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "report-charts");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Writes the chart as charts/NAME.png (and .svg) and returns a figure showing it, linked to the SVG. */
    String figure(JFreeChart chart, String name, int width, int height) {
        String png = FOLDER + "/" + name + ".png";
        String svgFile = FOLDER + "/" + name + ".svg";
        written.add(drawing.submit(() -> {
            ChartFiles.png(chart, dir.resolve(png), width, height);
            if (svg) {
                ChartFiles.svg(chart, dir.resolve(svgFile), width, height);
            }
        }));
        String alt = Html.text(chart.getTitle().getText());
        // small charts (rule quality) sit side by side; time-axis charts take the page's width
        StringBuilder out = new StringBuilder(width <= NARROW_MAX_WIDTH ? "<figure class=\"narrow\">" : "<figure>");
        if (svg) {
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

    /**
     * Waits until every chart is written; the first failure (a chart that could not be written, naming it and its
     * file) is thrown here, after the others have been waited for.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            for (Future<?> f : written) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException("a chart could not be written", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing the report's charts", e);
                }
            }
        } finally {
            drawing.shutdownNow();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
