package dev.attest.reports.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A plain ruled table of short wrapped cells, with its header repeated on every page it runs onto. */
final class SimpleTable {

    private static final float SIZE = 8;
    private static final float LEADING = 10;
    private static final float PAD = 3;

    private SimpleTable() {
    }

    /**
     * @param widths  column widths in points
     * @param numeric which columns hold numbers, set flush right so digits line up
     */
    static void draw(PageFlow flow, String[] headers, float[] widths, boolean[] numeric, List<String[]> rows)
            throws IOException {
        flow.ensureRoom(2 * (LEADING + 2 * PAD));
        row(flow, headers, widths, numeric, true);
        for (String[] cells : rows) {
            List<List<String>> wrapped = wrap(cells, widths);
            float height = wrapped.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * PAD;
            if (flow.ensureRoom(height)) {
                row(flow, headers, widths, numeric, true);
            }
            row(flow, cells, widths, numeric, false);
        }
    }

    private static List<List<String>> wrap(String[] cells, float[] widths) {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            out.add(TextWrapper.wrap(cells[c], PdfStyle.REGULAR, SIZE, widths[c] - 2 * PAD));
        }
        return out;
    }

    private static void row(PageFlow flow, String[] cells, float[] widths, boolean[] numeric, boolean header)
            throws IOException {
        var font = header ? PdfStyle.BOLD : PdfStyle.REGULAR;
        List<List<String>> wrapped = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            wrapped.add(TextWrapper.wrap(cells[c], font, SIZE, widths[c] - 2 * PAD));
        }
        float height = wrapped.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * PAD;
        float top = flow.y();
        PDPageContentStream cs = flow.content();
        float x = PageFlow.LEFT;
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        if (header) {
            cs.setNonStrokingColor(PdfStyle.HEADER_FILL);
            cs.addRect(x, top - height, total, height);
            cs.fill();
        }
        for (int c = 0; c < cells.length; c++) {
            float baseline = top - PAD - SIZE;
            for (String line : wrapped.get(c)) {
                float textX = numeric[c]
                        ? x + widths[c] - PAD - TextWrapper.width(line, font, SIZE)
                        : x + PAD;
                flow.text(line, font, SIZE, PdfStyle.TEXT, textX, baseline);
                baseline -= LEADING;
            }
            cs.setStrokingColor(PdfStyle.RULE);
            cs.setLineWidth(0.5f);
            cs.addRect(x, top - height, widths[c], height);
            cs.stroke();
            x += widths[c];
        }
        flow.moveDown(height);
    }
}
