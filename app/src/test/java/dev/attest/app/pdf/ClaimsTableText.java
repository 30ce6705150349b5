package dev.attest.app.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads one column of a case report's claims table (or, given its titles, another table of the report) back from
 * the PDF, page by page, between the table's header row and its end, so a test can compare a column's whole text
 * with what was put in. The columns are found where the header titles were printed, not from the layout code, so
 * a layout change cannot hide a mistake.
 */
final class ClaimsTableText {
    static final String[] TITLES = {"#", "Claim", "Evidence", "Checks (automatic)", "Scores (by reviewer)"};
    /** The corrections table's titles; the table ends at its note, or else at the missed findings' heading. */
    static final String[] CORRECTION_TITLES = {"#", "Claim", "Correction", "Model evidence", "Agreement"};
    /** Headings that follow the claims table: where its last page's column ends. */
    private static final List<String> AFTER_CLAIMS = List.of("Reviewers' corrections", "Findings the model missed");
    /** The cell padding the table leaves left of each title. */
    private static final float PAD = 3;

    private ClaimsTableText() {
    }

    /** A glyph and where it is, y measured down from the top of the page. */
    private record Glyph(float x, float y, String text) {
    }

    /** The column's text on every page that has the table, whitespace collapsed, pages joined by a space. */
    static String column(PDDocument doc, int column) throws IOException {
        return column(doc, TITLES, column, AFTER_CLAIMS);
    }

    /** The corrections table's column, as {@link #column(PDDocument, int)} reads the claims table's. */
    static String correctionColumn(PDDocument doc, int column) throws IOException {
        return column(doc, CORRECTION_TITLES, column, List.of("Dice and IoU compare", "Findings the model missed"));
    }

    private static String column(PDDocument doc, String[] titles, int column, List<String> endings) throws IOException {
        Map<Integer, List<Glyph>> glyphs = glyphs(doc);
        StringBuilder out = new StringBuilder();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            List<Glyph> page = glyphs.getOrDefault(p, List.of());
            float[] header = header(page, titles);
            if (header == null) {
                continue;
            }
            PDPage pdPage = doc.getPage(p - 1);
            float pageWidth = pdPage.getMediaBox().getWidth();
            float pageHeight = pdPage.getMediaBox().getHeight();
            float left = header[column + 1] - PAD;
            float right = column + 1 < titles.length ? header[column + 2] - PAD : pageWidth - 40;
            float top = header[0] + 5; // the header row ends 5 pt under its titles' baseline
            float bottom = pageHeight - 42;
            for (String ending : endings) {
                float at = lineStarting(page, ending);
                if (!Float.isNaN(at) && at > top) {
                    bottom = Math.min(bottom, at - 12);
                }
            }
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion("cell", new Rectangle2D.Float(left + 0.5f, top, right - left - 1, bottom - top));
            area.extractRegions(pdPage);
            out.append(area.getTextForRegion("cell")).append(' ');
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** How many pages carry the table's header row. */
    static int pagesWithTable(PDDocument doc) throws IOException {
        int n = 0;
        for (List<Glyph> page : glyphs(doc).values()) {
            if (header(page, TITLES) != null) {
                n++;
            }
        }
        return n;
    }

    private static Map<Integer, List<Glyph>> glyphs(PDDocument doc) throws IOException {
        Map<Integer, List<Glyph>> byPage = new TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                byPage.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>())
                        .add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), t.getUnicode()));
                super.processTextPosition(t);
            }
        };
        stripper.getText(doc);
        return byPage;
    }

    /** The header row's baseline and the x of each title, or null when the page has no header row. */
    private static float[] header(List<Glyph> page, String[] titles) {
        for (Map.Entry<Float, List<Glyph>> line : lines(page).entrySet()) {
            StringBuilder text = new StringBuilder();
            List<Float> xs = new ArrayList<>();
            for (Glyph g : line.getValue()) {
                if (!g.text().isBlank()) {
                    text.append(g.text());
                    xs.add(g.x());
                }
            }
            String joined = text.toString();
            if (!joined.equals(String.join("", titles).replace(" ", ""))) {
                continue;
            }
            float[] out = new float[titles.length + 1];
            out[0] = line.getKey();
            int at = 0;
            for (int t = 0; t < titles.length; t++) {
                out[t + 1] = xs.get(at);
                at += titles[t].replace(" ", "").length();
            }
            return out;
        }
        return null;
    }

    private static float lineStarting(List<Glyph> page, String start) {
        for (Map.Entry<Float, List<Glyph>> line : lines(page).entrySet()) {
            StringBuilder text = new StringBuilder();
            line.getValue().forEach(g -> text.append(g.text()));
            if (text.toString().replaceAll("\\s+", " ").startsWith(start)) {
                return line.getKey();
            }
        }
        return Float.NaN;
    }

    /** Glyphs grouped by baseline (to a tenth of a point), each line left to right. */
    private static TreeMap<Float, List<Glyph>> lines(List<Glyph> page) {
        TreeMap<Float, List<Glyph>> lines = new TreeMap<>();
        for (Glyph g : page) {
            lines.computeIfAbsent(Math.round(g.y() * 10) / 10f, k -> new ArrayList<>()).add(g);
        }
        lines.values().forEach(l -> l.sort((a, b) -> Float.compare(a.x(), b.x())));
        return lines;
    }
}
