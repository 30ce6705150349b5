package dev.attest.reports.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class KeyImageRendererTest {

    /** Physical values (HU) of slice 1, row by row; slice 0 is all -1024. */
    private static final int[][] HU = {
            {-1000, -160, -100, 0},
            {40, 100, 239, 240},
            {1000, -1024, 2000, 50}};

    /**
     * Greys for window level 40 width 400, worked by hand from
     * floor((v + 160) / 400 × 255 + 0.5) clamped: e.g. -100 → 38.25 → 38, 40 → 127.5 → 128,
     * 239 → 254.36 → 254, 50 → 133.875 → 134.
     */
    private static final int[][] GREY = {
            {0, 0, 38, 102},
            {128, 166, 254, 255},
            {255, 0, 255, 134}};

    private static Volume ct(ImageGrid grid) {
        short[] empty = new short[12];
        short[] slice = new short[12];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                slice[y * 4 + x] = (short) (HU[y][x] + 1024);
            }
        }
        Volume v = Volume.wrap(grid, VoxelType.INT16, new Object[] {empty, slice});
        v.setRescale(new Rescale(1, -1024));
        v.setName("ct");
        return v;
    }

    private static ImageGrid lps() {
        return new ImageGrid(4, 3, 2, Affine.diagonal(0.7, 0.7, 2.5));
    }

    @Test
    void windowFormulaGivesTheDocumentedGreys() {
        DisplayWindow w = DisplayWindow.CT_SOFT_TISSUE;
        assertEquals(0, w.grey(-160));
        assertEquals(128, w.grey(40));
        assertEquals(127, w.grey(39.9));
        assertEquals(255, w.grey(240));
        assertEquals(254, w.grey(239));
        assertEquals(0, w.grey(Double.NaN));
        assertEquals(0, w.grey(-1e9));
        assertEquals(255, w.grey(1e9));
        // A one-unit window: below the lower edge 0, the edge itself 0, the level 128, the upper edge 255.
        DisplayWindow narrow = new DisplayWindow(10, 1);
        assertEquals(0, narrow.grey(9.5));
        assertEquals(128, narrow.grey(10));
        assertEquals(255, narrow.grey(10.5));
    }

    @Test
    void rendersTheSliceThroughTheWindowToExactGreys() throws IOException {
        KeyImage key = KeyImageRenderer.render(ct(lps()), 1, DisplayWindow.CT_SOFT_TISSUE, null);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(key.png()));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
        assertArrayEquals(GREY, greys(png));
        assertEquals(4, key.width());
        assertEquals(3, key.height());
        assertEquals(1, key.slice());
        assertEquals("axial slice 2 of 2, window level 40 width 400, image right = patient left,"
                + " image bottom = posterior", key.caption());
    }

    @Test
    void flipsAVolumeStoredRightToLeftAndAnteriorToPosteriorIntoRadiologicalView() throws IOException {
        // NIfTI's RAS storage: +i runs to the patient's right and +j anterior.
        KeyImage key = KeyImageRenderer.render(ct(ImageGrid.fromRas(4, 3, 2, Affine.identity())), 1,
                DisplayWindow.CT_SOFT_TISSUE, null);

        int[][] expected = {
                {134, 255, 0, 255},
                {255, 254, 166, 128},
                {102, 38, 0, 0}};
        assertArrayEquals(expected, greys(ImageIO.read(new ByteArrayInputStream(key.png()))));
        assertEquals("axial slice 2 of 2, window level 40 width 400, image right = patient left,"
                + " image bottom = posterior", key.caption());
    }

    @Test
    void sagittalSliceKeepsPosteriorRightAndFeetDown() throws IOException {
        // Columns run posterior, rows run inferior, slices run to the patient's right.
        ImageGrid sagittal = new ImageGrid(4, 3, 2, Affine.fromColumns(new Vec3(0, 1, 0), new Vec3(0, 0, -1),
                new Vec3(-1, 0, 0), Vec3.ZERO));
        KeyImage key = KeyImageRenderer.render(ct(sagittal), 1, DisplayWindow.CT_SOFT_TISSUE, null);
        assertArrayEquals(GREY, greys(ImageIO.read(new ByteArrayInputStream(key.png()))));
        assertEquals("sagittal slice 2 of 2, window level 40 width 400, image right = posterior,"
                + " image bottom = inferior (feet)", key.caption());
    }

    @Test
    void blendsVisibleLabelsInColourAndLeavesHiddenOnesGrey() throws IOException {
        Volume labels = Volume.allocate(lps(), VoxelType.UINT8);
        labels.setStored(1, 1, 1, 1);
        labels.setStored(2, 1, 1, 2);
        labels.setStored(3, 2, 1, 3);
        labels.setStored(0, 0, 0, 1);
        LabelDescriptions names = new LabelDescriptions(List.of(new LabelDescription(1, "liver", 0xFF0000),
                new LabelDescription(2, "body", 0x00FF00, false), new LabelDescription(3, "tumour", 0x0000C8)));

        KeyImage key = KeyImageRenderer.render(ct(lps()), 1, DisplayWindow.CT_SOFT_TISSUE, LabelOverlay.of(labels, names, 0.4));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(key.png()));
        // Grey 166 under red at 0.4: 166 × 0.6 + 255 × 0.4 = 201.6 → 202 and 99.6 → 100.
        assertArrayEquals(new int[] {202, 100, 100}, png.getRaster().getPixel(1, 1, (int[]) null));
        // The hidden "body" label leaves grey 254.
        assertArrayEquals(new int[] {254, 254, 254}, png.getRaster().getPixel(2, 1, (int[]) null));
        // Grey 134 under #0000C8: 80.4 → 80 for red and green, 80.4 + 80 = 160.4 → 160 for blue.
        assertArrayEquals(new int[] {80, 80, 160}, png.getRaster().getPixel(3, 2, (int[]) null));
        assertArrayEquals(new int[] {38, 38, 38}, png.getRaster().getPixel(2, 0, (int[]) null));
        assertEquals("axial slice 2 of 2, window level 40 width 400, image right = patient left, image bottom = posterior;"
                + " coloured overlay: liver (#FF0000), tumour (#0000C8)", key.caption());

        KeyImage empty = KeyImageRenderer.render(ct(lps()), 0, DisplayWindow.CT_SOFT_TISSUE,
                new LabelOverlay(labels, List.of(new LabelDescription(3, "tumour", 0x0000C8)), 0.4));
        assertEquals("axial slice 1 of 2, window level 40 width 400, image right = patient left, image bottom = posterior;"
                + " coloured overlay: no labelled region on this slice", empty.caption());
    }

    @Test
    void refusesAnOverlayOnAnotherGridAndASliceOutsideTheVolume() {
        Volume labels = Volume.allocate(new ImageGrid(4, 3, 2, Affine.diagonal(1, 1, 2.5)), VoxelType.UINT8);
        labels.setName("seg");
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> KeyImageRenderer.render(ct(lps()),
                1, DisplayWindow.CT_SOFT_TISSUE, new LabelOverlay(labels, List.of(), 0.5)));
        assertEquals(0, grid.getMessage().indexOf("label map 'seg' ("), grid.getMessage());
        IllegalArgumentException slice = assertThrows(IllegalArgumentException.class,
                () -> KeyImageRenderer.render(ct(lps()), 2, DisplayWindow.CT_SOFT_TISSUE, null));
        assertEquals("slice 2 is outside volume 'ct' with 2 slices", slice.getMessage());
    }

    private static int[][] greys(BufferedImage image) {
        int[][] g = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                g[y][x] = image.getRaster().getSample(x, y, 0);
            }
        }
        return g;
    }
}
