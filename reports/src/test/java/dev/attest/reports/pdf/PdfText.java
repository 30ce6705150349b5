package dev.attest.reports.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Text read back from written PDFs, with whitespace collapsed so wrapped lines compare as one string. */
final class PdfText {

    private PdfText() {
    }

    static String all(PDDocument doc) throws IOException {
        return collapse(new PDFTextStripper().getText(doc));
    }

    static String page(PDDocument doc, int pageNumber) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        return collapse(stripper.getText(doc));
    }

    /** The text of one claims-table column on every page, top to bottom, so a wrapped cell reads as written. */
    static String claimsColumn(PDDocument doc, int column) throws IOException {
        StringBuilder out = new StringBuilder();
        for (PDPage page : doc.getPages()) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            float left = ClaimsTable.columnLeft(column);
            // Down to the footer rule only: the footer text starts left of the claim column and runs into it.
            stripper.addRegion("column", new Rectangle2D.Float(left + 0.5f, 0, ClaimsTable.WIDTHS[column] - 1,
                    page.getMediaBox().getHeight() - 42));
            stripper.extractRegions(page);
            out.append(stripper.getTextForRegion("column")).append(' ');
        }
        return collapse(out.toString());
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
