package io.pollwatt.report.html;

import io.pollwatt.report.chart.ChartFont;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CJK font file for PDFs is. A PDF has only the fonts embedded in it, so the face is taken from Debian's
 * collection file (a .ttc holds several faces; {@code WenQuanYiMicroHei} is the proportional one) and embedded as a
 * subset. {@code -Dpollwatt.cjkFontFile=...} points elsewhere.
 */
final class PdfFonts {
    static final String FILE_PROPERTY = "pollwatt.cjkFontFile";
    static final Path DEBIAN_FILE = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    /** PostScript name of the proportional face inside the collection. */
    static final String FACE = "WenQuanYiMicroHei";

    private PdfFonts() {}

    static Path fontFile() {
        String configured = System.getProperty(FILE_PROPERTY);
        Path file = configured == null ? DEBIAN_FILE : Path.of(configured);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    ("The PDF needs the font \"%s\" from %s (Debian package %s: apt-get install -y "
                                    + "%s, or set -D%s to a .ttc/.ttf holding it)")
                            .formatted(
                                    ChartFont.FAMILY,
                                    file,
                                    ChartFont.DEBIAN_PACKAGE,
                                    ChartFont.DEBIAN_PACKAGE,
                                    FILE_PROPERTY));
        }
        return file;
    }
}
