package io.pollwatt.report.chart;

import java.awt.Font;
import java.util.Locale;

/**
 * The CJK font of every chart (style.md §13). Picked by name; when the machine lacks it, Java would silently fall back
 * to a font that draws Chinese labels as empty boxes, so this fails instead, naming the font and its Debian package.
 */
public final class ChartFont {
    /** The font family, as fontconfig names it. */
    public static final String FAMILY = "WenQuanYi Micro Hei";

    /** The Debian package that installs it (set-up and .ci/run install it). */
    public static final String DEBIAN_PACKAGE = "fonts-wqy-microhei";

    private ChartFont() {}

    /** The font at the given style and size, after checking it exists and can draw each of the labels. */
    public static Font of(int style, int size, String... labels) {
        Font font = new Font(FAMILY, style, size);
        require(font, labels);
        return font;
    }

    static void require(Font font, String... labels) {
        if (!FAMILY.equalsIgnoreCase(font.getFamily(Locale.ROOT))) {
            throw new IllegalStateException(missing("Java found '" + font.getFamily(Locale.ROOT) + "' instead"));
        }
        for (String label : labels) {
            if (label == null) {
                continue;
            }
            int at = font.canDisplayUpTo(label);
            if (at != -1) {
                throw new IllegalStateException(missing(
                        "it cannot draw '%s' of the label \"%s\"".formatted(label.substring(at, at + 1), label)));
            }
        }
    }

    private static String missing(String detail) {
        return "Chart labels need the font \"%s\" (Debian package %s: apt-get install -y %s); %s"
                .formatted(FAMILY, DEBIAN_PACKAGE, DEBIAN_PACKAGE, detail);
    }
}
