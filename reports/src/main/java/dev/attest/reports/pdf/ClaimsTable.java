package dev.attest.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The claims table of a case report: one row per claim with its text, evidence kind, coloured check
 * outcomes and every reviewer's score. Rows move whole to the next page (header repeated); only a row taller
 * than a page is split between pages.
 */
final class ClaimsTable {

    static final float SIZE = 8;
    static final float LEADING = 10;
    static final float PAD = 3;
    static final float HEADER_HEIGHT = 16;
    static final String[] TITLES = {"#", "Claim", "Evidence", "Checks (automatic)", "Scores (by reviewer)"};
    /** Column widths in points; the claim and score columns get the room because they hold free text. */
    static final float[] WIDTHS = {18, 170, 50, 127, PageFlow.WIDTH - 18 - 170 - 50 - 127};

    /** One line of a cell, in its own font and colour. */
    record Line(String text, PDFont font, Color color) {
    }

    private final PageFlow flow;

    ClaimsTable(PageFlow flow) {
        this.flow = flow;
    }

    /** The x of a column's left edge. */
    static float columnLeft(int column) {
        float x = PageFlow.LEFT;
        for (int i = 0; i < column; i++) {
            x += WIDTHS[i];
        }
        return x;
    }

    void draw(List<ClaimRow> claims) throws IOException {
        flow.ensureRoom(openingHeight(claims));
        drawHeader();
        for (ClaimRow claim : claims) {
            drawRow(cells(claim));
        }
    }

    /**
     * The room the header row and the first row need together, so that neither the header nor a heading above
     * it is left alone at the foot of a page. A first row too tall to share a fresh page with a heading and the
     * header is split across pages anyway, so three of its lines are enough to start it.
     */
    static float openingHeight(List<ClaimRow> claims) {
        float start = 3 * LEADING + 2 * PAD;
        float first = claims.isEmpty() ? start : height(cells(claims.get(0)));
        return HEADER_HEIGHT + (first <= PageFlow.pageCapacity() - HEADER_HEIGHT - PageFlow.HEADING_HEIGHT ? first : start);
    }

    private static float height(List<List<Line>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * PAD;
    }

    private static List<List<Line>> cells(ClaimRow claim) {
        List<List<Line>> cells = new ArrayList<>();
        cells.add(wrap(Integer.toString(claim.index()), 0, PdfStyle.REGULAR, PdfStyle.TEXT));
        List<Line> text = new ArrayList<>(wrap(claim.text(), 1, PdfStyle.REGULAR, PdfStyle.TEXT));
        if (!claim.note().isBlank()) {
            text.addAll(wrap(claim.note(), 1, PdfStyle.ITALIC, PdfStyle.MUTED));
        }
        cells.add(text);
        cells.add(wrap(claim.evidenceKind(), 2, PdfStyle.REGULAR, PdfStyle.TEXT));
        List<Line> checks = new ArrayList<>();
        for (CheckCell check : claim.checks()) {
            Color color = PdfStyle.outcomeColor(check.outcome());
            checks.addAll(wrap(check.outcome() + " " + check.kind(), 3, PdfStyle.BOLD, color));
            if (!check.value().isBlank()) {
                checks.addAll(wrap(check.value(), 3, PdfStyle.REGULAR, color));
            }
            if (!check.detail().isBlank()) {
                checks.addAll(wrap(check.detail(), 3, PdfStyle.ITALIC, PdfStyle.MUTED));
            }
        }
        cells.add(checks.isEmpty() ? wrap("no checks", 3, PdfStyle.ITALIC, PdfStyle.MUTED) : checks);
        List<Line> scores = new ArrayList<>();
        for (ScoreCell score : claim.scores()) {
            scores.addAll(wrap(score.reviewer() + ": " + score.verdict(), 4, PdfStyle.BOLD, PdfStyle.TEXT));
            String facets = Stream.of(score.support(), score.localisation(), score.errorType(), score.significance())
                    .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
            if (!facets.isEmpty()) {
                scores.addAll(wrap(facets, 4, PdfStyle.REGULAR, PdfStyle.TEXT));
            }
            if (!score.note().isBlank()) {
                scores.addAll(wrap("\"" + score.note() + "\"", 4, PdfStyle.ITALIC, PdfStyle.MUTED));
            }
        }
        cells.add(scores.isEmpty() ? wrap("not scored", 4, PdfStyle.ITALIC, PdfStyle.MUTED) : scores);
        return cells;
    }

    private static List<Line> wrap(String text, int column, PDFont font, Color color) {
        return TextWrapper.wrap(text, font, SIZE, WIDTHS[column] - 2 * PAD).stream()
                .map(s -> new Line(s, font, color)).toList();
    }

    private void drawRow(List<List<Line>> cells) throws IOException {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        float height = height(cells);
        if (height <= flow.y() - PageFlow.BOTTOM) {
            drawSlice(cells, 0, lines);
            return;
        }
        if (height <= PageFlow.pageCapacity() - HEADER_HEIGHT) {
            flow.newPage();
            drawHeader();
            drawSlice(cells, 0, lines);
            return;
        }
        int from = 0;
        while (from < lines) {
            int fit = (int) ((flow.y() - PageFlow.BOTTOM - 2 * PAD) / LEADING);
            if (fit < 1) {
                flow.newPage();
                drawHeader();
                continue;
            }
            int count = Math.min(fit, lines - from);
            drawSlice(cells, from, count);
            from += count;
        }
    }

    private void drawHeader() throws IOException {
        PDPageContentStream cs = flow.content();
        float top = flow.y();
        cs.setNonStrokingColor(PdfStyle.HEADER_FILL);
        cs.addRect(PageFlow.LEFT, top - HEADER_HEIGHT, PageFlow.WIDTH, HEADER_HEIGHT);
        cs.fill();
        for (int c = 0; c < TITLES.length; c++) {
            flow.text(TITLES[c], PdfStyle.BOLD, SIZE, PdfStyle.TEXT, columnLeft(c) + PAD, top - 11);
        }
        outlineCells(top, HEADER_HEIGHT);
        flow.moveDown(HEADER_HEIGHT);
    }

    private void drawSlice(List<List<Line>> cells, int from, int count) throws IOException {
        float top = flow.y();
        float height = count * LEADING + 2 * PAD;
        for (int c = 0; c < cells.size(); c++) {
            List<Line> cell = cells.get(c);
            for (int i = from; i < Math.min(from + count, cell.size()); i++) {
                Line line = cell.get(i);
                float baseline = top - PAD - SIZE - (i - from) * LEADING;
                flow.text(line.text(), line.font(), SIZE, line.color(), columnLeft(c) + PAD, baseline);
            }
        }
        outlineCells(top, height);
        flow.moveDown(height);
    }

    private void outlineCells(float top, float height) throws IOException {
        PDPageContentStream cs = flow.content();
        cs.setStrokingColor(PdfStyle.RULE);
        cs.setLineWidth(0.5f);
        for (int c = 0; c < WIDTHS.length; c++) {
            cs.addRect(columnLeft(c), top - height, WIDTHS[c], height);
        }
        cs.stroke();
    }
}
