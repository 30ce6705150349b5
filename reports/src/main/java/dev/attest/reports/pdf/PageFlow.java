package dev.attest.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Top-to-bottom layout on A4 pages: keeps the current page and a y cursor, starts a new page when a block
 * does not fit, and at the end stamps every page with "page n of N" (N is only known then).
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 40;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE.getWidth() - MARGIN;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE.getHeight() - MARGIN;
    /** Leaves room under the content for the footer line. */
    static final float BOTTOM = 56;

    private final PDDocument doc;
    private PDPageContentStream cs;
    private float y;

    PageFlow(PDDocument doc) throws IOException {
        this.doc = doc;
        newPage();
    }

    PDDocument document() {
        return doc;
    }

    PDPageContentStream content() {
        return cs;
    }

    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    /** The height a block may have and still fit on a fresh page. */
    static float pageCapacity() {
        return TOP - BOTTOM;
    }

    /** Starts a new page unless {@code height} points still fit; tells whether it did, so tables can repeat headers. */
    boolean ensureRoom(float height) throws IOException {
        if (y - height >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Shows one line of text with its baseline at {@code baseline}; the text is sanitised for WinAnsi. */
    void text(String text, PDFont font, float size, Color color, float x, float baseline) throws IOException {
        showText(cs, text, font, size, color, x, baseline);
    }

    static void showText(PDPageContentStream cs, String text, PDFont font, float size, Color color, float x,
                         float baseline) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(WinAnsiText.sanitize(text));
        cs.endText();
    }

    /** How far a heading moves the cursor down. */
    static final float HEADING_HEIGHT = 33;

    /** Writes a section heading with a rule under it, moving to a new page if it would be orphaned. */
    void heading(String title) throws IOException {
        ensureRoom(60);
        moveDown(16);
        text(title, PdfStyle.BOLD, 12, PdfStyle.TEXT, LEFT, y);
        moveDown(5);
        cs.setStrokingColor(PdfStyle.RULE);
        cs.setLineWidth(0.6f);
        cs.moveTo(LEFT, y);
        cs.lineTo(RIGHT, y);
        cs.stroke();
        moveDown(12);
    }

    /** Prose in 9 pt, wrapped to the page width, each line moving to a new page when it does not fit. */
    void paragraph(String text, PDFont font) throws IOException {
        paragraph(text, font, 9);
    }

    /** Prose wrapped to the page width, slightly indented under the headings. */
    void paragraph(String text, PDFont font, float size) throws IOException {
        float leading = size + 3;
        for (String line : TextWrapper.wrap(text, font, size, WIDTH - 10)) {
            ensureRoom(leading);
            moveDown(leading);
            text(line, font, size, PdfStyle.TEXT, LEFT + 4, y);
        }
    }

    /**
     * Closes the last page and writes the footer on every page: the left text (Attest version, document)
     * and "page n of N" on the right.
     */
    void finish(String footerLeft) throws IOException {
        cs.close();
        cs = null;
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer =
                         new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.setStrokingColor(PdfStyle.RULE);
                footer.setLineWidth(0.5f);
                footer.moveTo(LEFT, 40);
                footer.lineTo(RIGHT, 40);
                footer.stroke();
                showText(footer, footerLeft, PdfStyle.REGULAR, 8, PdfStyle.MUTED, LEFT, 28);
                String pageText = "page " + (i + 1) + " of " + total;
                float w = TextWrapper.width(pageText, PdfStyle.REGULAR, 8);
                showText(footer, pageText, PdfStyle.REGULAR, 8, PdfStyle.MUTED, RIGHT - w, 28);
            }
        }
    }

    /** Sets title, producer "Attest", creator with the version, and the creation date of the document. */
    static void describe(PDDocument doc, String title, String subject, Instant created, String attestVersion) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title); // info strings are Unicode: no sanitising needed
        info.setSubject(subject);
        info.setProducer("Attest");
        info.setCreator("Attest " + attestVersion);
        GregorianCalendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(when);
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
    }
}
