package io.pollwatt.report.html;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.pollwatt.report.chart.ChartFont;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Renders one of our XHTML pages to PDF with openhtmltopdf, with the CJK font embedded. */
final class PdfWriter {
    private PdfWriter() {}

    /**
     * @param xhtml a well-formed page (the writers' pages are)
     * @param baseDir the folder relative links and images resolve against
     */
    static Path write(String xhtml, Path baseDir, Path pdf) {
        PdfLog.install();
        Path fontFile = PdfFonts.fontFile();
        try (PDDocument document = new PDDocument()) {
            // the face must stay open until save: the subset is cut when the document is written
            if (fontFile.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try (TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile())) {
                    TrueTypeFont face = collection.getFontByName(PdfFonts.FACE);
                    if (face == null) {
                        throw new IllegalStateException(
                                "font collection %s has no face %s".formatted(fontFile, PdfFonts.FACE));
                    }
                    render(document, PDType0Font.load(document, face, true), xhtml, baseDir, pdf);
                }
            } else {
                try (TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBufferedFile(fontFile.toFile()))) {
                    render(document, PDType0Font.load(document, face, true), xhtml, baseDir, pdf);
                }
            }
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF " + pdf, e);
        }
    }

    private static void render(PDDocument document, PDType0Font font, String xhtml, Path baseDir, Path pdf)
            throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.usePDDocument(document);
        builder.useFont(new PDFontSupplier(font), ChartFont.FAMILY);
        builder.withHtmlContent(xhtml, baseDir.toUri().toString());
        builder.withProducer("pollwatt reports");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
        }
        // to a stream: save(File) warns on every rewrite of an existing report, though nothing reads it meanwhile
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pdf))) {
            document.save(out);
        }
    }
}
