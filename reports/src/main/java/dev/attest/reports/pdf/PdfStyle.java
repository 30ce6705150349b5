package dev.attest.reports.pdf;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The fonts and colours every Attest PDF shares, so the case report and the summary look like one family. */
final class PdfStyle {

    /** Standard 14 fonts are never embedded, which keeps reports small and needs no font files. */
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

    static final Color TEXT = Color.BLACK;
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    static final Color GRID = new Color(0xE2, 0xE2, 0xE2);
    static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF3);
    static final Color PASS = new Color(0x1B, 0x7F, 0x2E);
    static final Color FAIL = new Color(0xC6, 0x28, 0x28);
    static final Color UNKNOWN = new Color(0x80, 0x80, 0x80);

    /** Colour-blind-safe series colours (Okabe-Ito), in the order bars are drawn. */
    static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00),
        new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)};

    private PdfStyle() {
    }

    static Color outcomeColor(CheckOutcome outcome) {
        return switch (outcome) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
