package dev.attest.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks text into lines no wider than a column, measured with the font's own glyph widths, because PDF has
 * no text flow of its own. Breaks at spaces; a word wider than the column is cut between characters.
 */
public final class TextWrapper {

    private TextWrapper() {
    }

    /** The width of the (already sanitised) text in points. */
    public static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure '" + text + "' in " + font.getName(), e);
        }
    }

    /**
     * Wraps the text to lines of at most {@code maxWidth} points; explicit line breaks start new lines.
     * The text is sanitised for WinAnsi first, so every returned line can be shown.
     */
    public static List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
            wrapParagraph(WinAnsiText.sanitize(paragraph).strip(), font, size, maxWidth, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, PDFont font, float size, float maxWidth, List<String> lines) {
        if (paragraph.isEmpty()) {
            lines.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > maxWidth) {
                int cut = longestFittingPrefix(rest, font, size, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
    }

    /** At least one character, so a column narrower than one glyph still makes progress. */
    private static int longestFittingPrefix(String word, PDFont font, float size, float maxWidth) {
        int end = 1;
        while (end < word.length() && width(word.substring(0, end + 1), font, size) <= maxWidth) {
            end++;
        }
        return end;
    }
}
