package dev.attest.reports.pdf;

import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Makes any string printable with the standard 14 fonts, whose WinAnsi encoding covers Latin-1 and a few
 * typographic marks only. PDFBox throws on the first character it cannot encode, and claims and notes
 * routinely carry "≥", Greek letters or arrows, so every string is passed through here before it is shown.
 * Characters WinAnsi does have (×, ³, –, µ, ±, °) are kept as they are.
 */
public final class WinAnsiText {

    /** ASCII spellings for the symbols radiology text uses most that WinAnsi lacks. */
    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2260, "!="), Map.entry(0x2248, "~"),
            Map.entry(0x2212, "-"), Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2194, "<->"),
            Map.entry(0x21D2, "=>"), Map.entry(0x03B1, "alpha"), Map.entry(0x03B2, "beta"),
            Map.entry(0x03B3, "gamma"), Map.entry(0x0394, "delta"), Map.entry(0x03B4, "delta"),
            Map.entry(0x03BA, "kappa"), Map.entry(0x03C3, "sigma"), Map.entry(0x03C4, "tau"),
            Map.entry(0x03BC, "\u00B5"), Map.entry(0x2713, "ok"), Map.entry(0x2714, "ok"), Map.entry(0x2717, "x"),
            Map.entry(0x2009, " "), Map.entry(0x202F, " "), Map.entry(0x00A0, " "), Map.entry(0x2011, "-"),
            Map.entry(0x2010, "-"), Map.entry(0x2032, "'"), Map.entry(0x2033, "\""));

    /** Both standard fonts used here share one encoding, so one probe answers for both. */
    private static final PDType1Font PROBE = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private WinAnsiText() {
    }

    /**
     * Returns the text with every character Helvetica cannot encode replaced: by its ASCII spelling when
     * known, else by its base letter (é stays, ő becomes o), else by "?". Line breaks and tabs become spaces,
     * since a shown string is always one line.
     */
    public static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(replacement(cp)));
        return out.toString();
    }

    private static String replacement(int cp) {
        if (cp < 0x20 || cp == 0x7F) {
            return " ";
        }
        String known = REPLACEMENTS.get(cp);
        if (known != null) {
            return known;
        }
        String s = Character.toString(cp);
        if (encodable(s)) {
            return s;
        }
        String base = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && !base.equals(s) && base.codePoints().allMatch(c -> encodable(Character.toString(c)))) {
            return base;
        }
        return "?";
    }

    private static boolean encodable(String oneChar) {
        try {
            PROBE.encode(oneChar);
            return true;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}
