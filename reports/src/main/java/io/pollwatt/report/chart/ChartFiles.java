package io.pollwatt.report.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as PNG (for pages and PDFs) and as SVG (for print and zoom; JFreeSVG draws the same chart). */
public final class ChartFiles {
    private ChartFiles() {}

    public static Path png(JFreeChart chart, Path file, int width, int height) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write chart '" + chart.getTitle().getText() + "' to " + file, e);
        }
    }

    public static Path svg(JFreeChart chart, Path file, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        // the default prefix holds System.nanoTime(): a fixed one keeps the same chart the same bytes (style.md §6)
        graphics.setDefsKeyPrefix("pollwatt");
        chart.draw(graphics, new Rectangle(width, height));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SVGUtils.writeToSVG(file.toFile(), graphics.getSVGElement());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write chart '" + chart.getTitle().getText() + "' to " + file, e);
        }
    }
}
