package dev.attest.viewer.fx;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.overlay.BoxMarker;
import dev.attest.viewer.overlay.HeatMapLayer;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.overlay.OverlayStack;
import dev.attest.viewer.render.ColorMap;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static dev.attest.viewer.fx.SliceViewInteractionTest.fx;
import static dev.attest.viewer.fx.SliceViewInteractionTest.rgb;
import static dev.attest.viewer.fx.SliceViewInteractionTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Overlays drawn by an axial view of a flat volume (every voxel 0, grey 128 in the window used):
 * label layers on a coarser grid, a heat map with a threshold, a box marker, the colour bar and
 * the ×2 export, each checked at pixels whose expected colour is worked out by hand.
 *
 * <p>Screen column c shows LPS x = −64 + (c + ½) / 2 (see {@link SliceViewInteractionTest}); rows
 * likewise for y. The crosshair is at (0, 0, 1), its lines over column and row 127–128.
 */
@ExtendWith(ApplicationExtension.class)
class SliceViewOverlayTest {
    private static final WindowLevel WL = new WindowLevel(0, 2001);
    /** Grey of value 0 in WL: ((0 + 0.5) / 2000 + 0.5) · 255 = 127.56, shown as 128. */
    private static final int GREY = 128;
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00C000;
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(new Vec3(0, 0, 1)));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(WL);
    private final OverlayStack stack = new OverlayStack();
    private SliceView axial;

    @Start
    void start(Stage stage) {
        axial = new SliceView(StandardView.AXIAL, crosshair, windowLevel, new SimpleBooleanProperty(false));
        axial.resize(256, 256);
        axial.setVolume(SliceViewFixtures.flat());
        axial.setOverlays(stack);
        stage.setScene(new Scene(new Pane(axial), 256, 256));
        stage.show();
    }

    /**
     * Labels on their own grid, 32 × 32 × 20 voxels of 4 mm from LPS (−62, −62, −38): label 3 in
     * voxels 4..9 (x and y), i.e. LPS [−48, −24], screen columns and rows 32..79; label 5 in
     * voxels 20..27, LPS [16, 48], screen 160..223.
     */
    static Volume labels() {
        ImageGrid grid = new ImageGrid(32, 32, 20, Affine.fromColumns(new Vec3(4, 0, 0), new Vec3(0, 4, 0),
                new Vec3(0, 0, 4), new Vec3(-62, -62, -38)));
        Volume v = Volume.allocate(grid, VoxelType.UINT8);
        for (int z = 0; z < 20; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    if (x >= 4 && x <= 9 && y >= 4 && y <= 9) {
                        v.setStored(x, y, z, 3);
                    } else if (x >= 20 && x <= 27 && y >= 20 && y <= 27) {
                        v.setStored(x, y, z, 5);
                    }
                }
            }
        }
        return v;
    }

    /** Grey 128 under a colour at alpha a, rounded to nearest as "over" compositing does. */
    static int[] blend(int rgb, int alpha, int grey) {
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            int c = rgb >> (16 - 8 * i) & 0xFF;
            out[i] = (int) Math.round((c * alpha + grey * (255 - alpha)) / 255.0);
        }
        return out;
    }

    private LabelLayer labelLayer(double opacity, LabelOverlay.Mode mode) {
        LabelTable table = new LabelTable().put(3, "lesion", RED).put(5, "organ", GREEN);
        return LabelLayer.of("seg", labels(), table, opacity, mode);
    }

    @Test
    void hidingLabel3RemovesItsColourWhileLabel5Stays() {
        LabelLayer layer = labelLayer(0.5, LabelOverlay.Mode.FILL);
        fx(() -> stack.add(layer));
        int alpha = 128;                                             // round(0.5 · 255)
        WritableImage both = snapshot(axial);
        assertArrayEquals(blend(RED, alpha, GREY), rgb(both, 56, 56));
        assertArrayEquals(blend(GREEN, alpha, GREY), rgb(both, 192, 192));
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(both, 100, 56), "unlabelled");
        fx(() -> stack.replace(layer, layer.withLabelVisible(3, false)));
        WritableImage hidden = snapshot(axial);
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(hidden, 56, 56));
        assertArrayEquals(blend(GREEN, alpha, GREY), rgb(hidden, 192, 192));
        assertEquals(1, stack.legend().size());
        assertEquals("organ", stack.legend().get(0).name());
    }

    @Test
    void outlineModeDrawsOnlyTheBoundaryPixels() {
        fx(() -> stack.add(labelLayer(1, LabelOverlay.Mode.OUTLINE)));
        WritableImage img = snapshot(axial);
        int red = 0;
        for (int y = 20; y < 100; y++) {
            for (int x = 20; x < 100; x++) {
                int[] c = rgb(img, x, y);
                boolean onBoundary = (x == 32 || x == 79) && y >= 32 && y <= 79 || (y == 32 || y == 79) && x >= 32 && x <= 79;
                assertArrayEquals(onBoundary ? new int[] {255, 0, 0} : new int[] {GREY, GREY, GREY}, c, x + "," + y);
                red += onBoundary ? 1 : 0;
            }
        }
        assertEquals(4 * 48 - 4, red);
    }

    /**
     * A heat map equal to LPS x on a 17 × 17 × 11 grid of 8 mm (trilinear sampling reproduces a
     * linear field exactly), shown over [0, 40] with threshold 10 at opacity 0.6.
     */
    private HeatMapLayer heat() {
        ImageGrid grid = new ImageGrid(17, 17, 11, Affine.fromColumns(new Vec3(8, 0, 0), new Vec3(0, 8, 0),
                new Vec3(0, 0, 8), new Vec3(-64, -64, -40)));
        Volume v = Volume.allocate(grid, VoxelType.FLOAT32);
        for (int z = 0; z < 11; z++) {
            for (int y = 0; y < 17; y++) {
                for (int x = 0; x < 17; x++) {
                    v.setStored(x, y, z, -64 + 8 * x);
                }
            }
        }
        return HeatMapLayer.of("saliency", v, ColorMap.viridis(), 0, 40, 10, 0.6, "a.u.");
    }

    @Test
    void heatMapShowsGreyBelowThresholdAndTheBlendedColourAbove() {
        fx(() -> stack.add(heat()));
        WritableImage img = snapshot(axial);
        // Column 140: x = 6.25 < 10, transparent. Column 171: x = 21.75, t = 0.54375, entry 139.
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(img, 140, 200));
        int alpha = 153;                                             // round(0.6 · 255)
        assertArrayEquals(blend(ColorMap.viridis().rgb(139), alpha, GREY), rgb(img, 171, 200));
        // Column 150: x = 11.25, just above the threshold, t = 0.28125, entry 72.
        assertArrayEquals(blend(ColorMap.viridis().rgb(72), alpha, GREY), rgb(img, 150, 200));
    }

    @Test
    void colourBarShowsTheMapTopDown() {
        fx(() -> stack.add(heat()));
        WritableImage img = snapshot(axial);
        // Bar: left edge 256 − 72 = 184, 12 wide, rows 28..117 (0.35 · 256 = 89.6, 90 rows); row r shows t = 1 − (r + ½) / 90.
        for (int r : new int[] {0, 45, 89}) {
            int entry = (int) ((1 - (r + 0.5) / 90) * 256);
            int expected = ColorMap.viridis().rgb(entry);
            assertArrayEquals(new int[] {expected >> 16 & 0xFF, expected >> 8 & 0xFF, expected & 0xFF},
                    rgb(img, 190, 28 + r), "bar row " + r);
        }
        // Row 45, written out: t = 1 − 45.5 / 90 = 0.4944, entry floor(126.58) = 126.
        int mid = ColorMap.viridis().rgb(126);
        assertArrayEquals(new int[] {mid >> 16 & 0xFF, mid >> 8 & 0xFF, mid & 0xFF}, rgb(snapshot(axial), 190, 28 + 45));
        assertEquals(java.util.List.of("0 a.u.", "10 a.u.", "20 a.u.", "30 a.u.", "40 a.u."),
                heat().colorBar().ticks().stream().map(t -> t.label()).toList());
    }

    @Test
    void boxIsDrawnOnlyOnSlicesItCrosses() {
        // z from −4 to 4: crosses the slices at z = −3, −1, 1, 3, not those at ±5.
        fx(() -> stack.add(BoxMarker.of("nodule", new Vec3(-20, -20, -4), new Vec3(20, 20, 4), 0xFF00FF)));
        // The box's left side x = −20 is screen x = 88; a 2-pixel line there covers columns 87 and 88.
        WritableImage on = snapshot(axial);
        assertArrayEquals(new int[] {255, 0, 255}, rgb(on, 87, 100));
        assertArrayEquals(new int[] {255, 0, 255}, rgb(on, 88, 100));
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(on, 90, 100));
        fx(() -> axial.scrollSlices(2));                             // z = 5
        WritableImage off = snapshot(axial);
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(off, 87, 100));
        assertArrayEquals(new int[] {GREY, GREY, GREY}, rgb(off, 88, 100));
        fx(() -> axial.scrollSlices(-1));                            // z = 3
        assertArrayEquals(new int[] {255, 0, 255}, rgb(snapshot(axial), 88, 100));
    }

    @Test
    void doubleResolutionPngHasTwiceThePixelsAndFinerSampling(@TempDir Path dir) throws Exception {
        fx(() -> stack.add(labelLayer(1, LabelOverlay.Mode.FILL)));
        Path png = dir.resolve("axial@2x.png");
        axial.writePng(png, 2);                                      // called off the FX thread
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(512, img.getWidth());
        assertEquals(512, img.getHeight());
        // At ×2, export column c shows LPS x = −64 + (c + ½) / 4: label 3 starts at x = −48, column 64.
        assertEquals(GREY, img.getRGB(63, 112) & 0xFF);
        assertEquals(0xFF0000, img.getRGB(64, 112) & 0xFFFFFF);
        assertEquals(0xFF0000, img.getRGB(159, 112) & 0xFFFFFF);
        assertEquals(GREY, img.getRGB(160, 112) & 0xFF);
        fx(() -> axial.copyToClipboard(4));
        AtomicReference<javafx.scene.image.Image> fromClipboard = new AtomicReference<>();
        fx(() -> fromClipboard.set(Clipboard.getSystemClipboard().getImage()));
        assertEquals(1024, fromClipboard.get().getWidth());
        assertEquals(1024, fromClipboard.get().getHeight());
        Path one = dir.resolve("axial.png");
        axial.writePng(one, 1);
        assertEquals(256, ImageIO.read(one.toFile()).getWidth());
    }
}
