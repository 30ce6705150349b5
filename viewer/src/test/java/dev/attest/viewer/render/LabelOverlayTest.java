package dev.attest.viewer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelOverlayTest {

    private static final int[] LABELS = {
        0, 0, 0, 0, 0,
        0, 1, 1, 1, 0,
        0, 1, 1, 1, 2,
        0, 1, 1, 1, 2,
    };

    @Test
    void outlineKeepsOnlyPixelsWithADifferentFourNeighbour() {
        LabelTable table = new LabelTable().put(1, "liver", 0xFF0000).put(2, "tumour", 0x00FF00);
        int[] argb = new LabelOverlay(table, 1.0, LabelOverlay.Mode.OUTLINE).render(LABELS, 5, 4);
        int r = 0xFFFF0000;
        int g = 0xFF00FF00;
        // (2,2) is the only interior pixel; row 3 borders the outside, which counts as background.
        assertArrayEquals(new int[] {
            0, 0, 0, 0, 0,
            0, r, r, r, 0,
            0, r, 0, r, g,
            0, r, r, r, g,
        }, argb);
    }

    @Test
    void fillUsesOpacityAndSkipsHiddenLabels() {
        LabelTable table = new LabelTable().setVisible(2, false);
        int[] argb = new LabelOverlay(table, 0.5, LabelOverlay.Mode.FILL).render(LABELS, 5, 4);
        // round(255 * 0.5) = 128 = 0x80; label 1 keeps its default colour, red.
        assertEquals(0x80FF0000, argb[6]);
        assertEquals(0x80FF0000, argb[12]);
        assertEquals(0, argb[14]);
        assertEquals(0, argb[0]);
    }

    @Test
    void defaultColoursCycleThroughThePalette() {
        LabelTable table = new LabelTable();
        assertEquals(0xFF0000, table.get(1).rgb());
        assertEquals(0x00FF00, table.get(2).rgb());
        assertEquals(0x0000FF, table.get(3).rgb());
        assertEquals(0xFF0000, table.get(13).rgb());
        assertEquals("Label 7", table.get(7).name());
    }

    @Test
    void compositeBlendsChannelsWithRoundedIntegerMath() {
        // r: (255*64 + 16*191) / 255 = 75.98 -> 76; g: (128*64 + 32*191) / 255 = 56.09 -> 56;
        // b: (0*64 + 48*191) / 255 = 35.95 -> 36
        assertEquals(0xFF4C3824, Argb.composite(0xFF102030, 0x40FF8000));
        // (255 * 128) / 255 = 128 exactly
        assertEquals(0xFF808080, Argb.composite(0xFF000000, 0x80FFFFFF));
        assertEquals(0xFF102030, Argb.composite(0xFF102030, 0x00FFFFFF));
        assertEquals(0xFFABCDEF, Argb.composite(0xFF102030, 0xFFABCDEF));
        assertArrayEquals(new int[] {0xFF4C3824, 0xFF102030},
                Argb.composite(new int[] {0xFF102030, 0xFF102030}, new int[] {0x40FF8000, 0}));
    }
}
