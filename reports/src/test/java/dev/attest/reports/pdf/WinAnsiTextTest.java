package dev.attest.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WinAnsiTextTest {

    @Test
    void replacesSymbolsWinAnsiLacksAndKeepsThoseItHas() {
        // × (0xD7), ³ (0xB3), – (0x96) and µ (0xB5) are in WinAnsi; ≥, κ, → and ✓ are not.
        assertEquals("Nodule >= 3 cm × 2 cm – volume 12 cm³, kappa 0.41 -> follow-up CT in 3 months ok",
                WinAnsiText.sanitize(PdfFixtures.SYMBOL_CLAIM));
        assertEquals("5 µm, 5 µm, delta ~ 0", WinAnsiText.sanitize("5 µm, 5 μm, Δ ≈ 0"));
    }

    @Test
    void dropsAccentsWinAnsiCannotShowAndMarksTheRestWithQuestionMarks() {
        // ö and ó are Latin-1; ő and ź decompose to o and z; Ł has no decomposition; the emoji has nothing.
        assertEquals("Größe Szolnök ?ódz ? ok", WinAnsiText.sanitize("Größe Szőlnök Łódź 😀 ok"));
    }

    @Test
    void turnsControlCharactersIntoSpacesBecauseAShownStringIsOneLine() {
        assertEquals("a b c", WinAnsiText.sanitize("a\tb\nc"));
    }

    @Test
    void wrapsToTheColumnWidthAndLosesNoWords() {
        List<String> lines = TextWrapper.wrap(PdfFixtures.LONG_CLAIM, PdfStyle.REGULAR, 8, 150);
        assertEquals(PdfFixtures.LONG_CLAIM, String.join(" ", lines));
        assertTrue(lines.size() >= 6, "only " + lines.size() + " lines");
        for (String line : lines) {
            float width = TextWrapper.width(line, PdfStyle.REGULAR, 8);
            assertTrue(width <= 150, line + " is " + width + " pt wide");
        }
    }

    @Test
    void cutsAWordWiderThanTheColumnBetweenCharacters() {
        String word = "1.2.826.0.1.3680043.8.498.10421337";
        List<String> lines = TextWrapper.wrap("UID " + word, PdfStyle.REGULAR, 8, 40);
        assertEquals("UID " + word, lines.get(0) + " " + String.join("", lines.subList(1, lines.size())));
        lines.forEach(l -> assertTrue(TextWrapper.width(l, PdfStyle.REGULAR, 8) <= 40, l));
    }

    @Test
    void picksRoundAxisSteps() {
        assertEquals(new NiceTicks(50, 200), NiceTicks.of(165, true));
        assertEquals(new NiceTicks(20, 100), NiceTicks.of(100, false));
        assertEquals(new NiceTicks(1, 3), NiceTicks.of(3, true));
        assertEquals(new NiceTicks(1, 1), NiceTicks.of(0, true));
    }
}
