package dev.attest.viewer.fx;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Zoom, pan, invert, reset, interpolation, key scrolling and cine of one axial view, checked
 * pixel by pixel and coordinate by coordinate against values worked out by hand.
 *
 * <p>Geometry used throughout: the volume is 64 × 64 × 40 voxels of 2 mm with voxel (0, 0, 0)
 * at LPS (−63, −63, −39); the view is 256 × 256, so the fitted axial slice (64 × 64 pixels of
 * 2 mm) is drawn 4 screen pixels per voxel from the top-left corner: screen column c shows
 * voxel index x = (c + ½) / 4 − ½ and LPS x = −64 + (c + ½) / 2.
 */
@ExtendWith(ApplicationExtension.class)
class SliceViewInteractionTest {
    /** Patient left (x > 0, voxel index ≥ 32) is +1000, patient right −1000. */
    static final Volume VOLUME = SliceViewFixtures.leftBright();
    /** Maps the values between the two halves to distinct greys: −1000 → 0, +1000 → 255. */
    private static final WindowLevel WIDE = new WindowLevel(0, 2001);
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(new Vec3(-31, -31, 1)));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(WIDE);
    private SliceView axial;

    @Start
    void start(Stage stage) {
        axial = new SliceView(StandardView.AXIAL, crosshair, windowLevel, new SimpleBooleanProperty(false));
        axial.resize(256, 256);
        axial.setVolume(VOLUME);
        stage.setScene(new Scene(new Pane(axial), 256, 256));
        stage.show();
    }

    /** DICOM LINEAR window as the standard writes it, rounded half up. */
    static int grey(double x, WindowLevel wl) {
        double c = wl.centre();
        double w = wl.width();
        if (x <= c - 0.5 - (w - 1) / 2) {
            return 0;
        }
        if (x > c - 0.5 + (w - 1) / 2) {
            return 255;
        }
        return (int) Math.floor(((x - (c - 0.5)) / (w - 1) + 0.5) * 255 + 0.5);
    }

    static int[] rgb(WritableImage img, int x, int y) {
        int argb = img.getPixelReader().getArgb(x, y);
        return new int[] {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
    }

    static WritableImage snapshot(SliceView view) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> shot.set(view.snapshot(null, null)));
        return shot.get();
    }

    static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(5000, r);
    }

    @Test
    void fittedSliceMapsScreenToPatientAsWorkedOut() {
        ViewTransform t = axial.transform();
        assertEquals(4.0, t.scale(), 1e-12);
        assertEquals(0.5, t.mmPerScreenPixel(), 1e-12);
        // Screen point (100, 60), a pixel corner: LPS x = −64 + 100 / 2 = −14, y = −64 + 60 / 2 = −34, on the plane z = 1.
        assertVec(new Vec3(-14, -34, 1), t.screenToLps(100, 60));
        // The centre of screen pixel (100, 60) is half a pixel further, a quarter of a millimetre.
        assertVec(new Vec3(-13.75, -33.75, 1), t.screenToLps(100.5, 60.5));
        assertArrayEquals(new double[] {100.5, 60.5}, t.lpsToScreen(new Vec3(-13.75, -33.75, 7)), 1e-9);
        assertArrayEquals(new double[] {24.625, 14.625}, t.screenToPixel(100.5, 60.5), 1e-12);
        assertEquals(6.0, t.distanceToPlane(new Vec3(5, 5, 7)), 1e-12);
    }

    @Test
    void zoomToCursorKeepsThePatientPointUnderTheCursor() {
        Vec3 before = axial.transform().screenToLps(100, 60);
        fx(() -> axial.zoomBy(2, 100, 60));
        ViewTransform t = axial.transform();
        assertEquals(8.0, t.scale(), 1e-12);
        assertVec(before, t.screenToLps(100, 60));
        // 0.25 mm per screen pixel now: 8 pixels to the right is 2 mm further left in the patient.
        assertVec(before.add(new Vec3(2, 0, 0)), t.screenToLps(108, 60));
        fx(() -> axial.zoomBy(1 / 3.0, 30, 200));
        assertEquals(8.0 / 3, axial.transform().scale(), 1e-12);
        assertVec(t.screenToLps(30, 200), axial.transform().screenToLps(30, 200));
    }

    @Test
    void ctrlWheelZoomsAboutTheMouse(FxRobot robot) {
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        Vec3 before = axial.transform().screenToLps(180, 70);
        AtomicReference<Double> delta = new AtomicReference<>();
        axial.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> delta.set(e.getDeltaY()));
        robot.moveTo(b.getMinX() + 180, b.getMinY() + 70).press(KeyCode.CONTROL).scroll(1, VerticalDirection.UP)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // Wheel away from the reader (positive delta) zooms in, towards the reader zooms out.
        double factor = delta.get() > 0 ? SliceView.WHEEL_ZOOM : 1 / SliceView.WHEEL_ZOOM;
        assertEquals(4 * factor, axial.transform().scale(), 1e-12);
        assertVec(before, axial.transform().screenToLps(180, 70));
        assertEquals(20, axial.sliceIndex(), "Ctrl+wheel zooms and does not scroll");
    }

    @Test
    void shiftDragPansTheImageByTheDrag(FxRobot robot) {
        fx(() -> axial.setInterpolation(Interpolation.NEAREST));
        WritableImage before = snapshot(axial);
        // The halves meet between columns 127 (voxel 31) and 128 (voxel 32).
        assertEquals(0, rgb(before, 127, 100)[0]);
        assertEquals(255, rgb(before, 128, 100)[0]);
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        robot.moveTo(b.getMinX() + 100, b.getMinY() + 100).press(KeyCode.SHIFT).press(MouseButton.PRIMARY)
                .moveBy(10, 5).moveBy(10, 5).release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20.0, axial.transform().offsetX(), 1e-9);
        assertEquals(10.0, axial.transform().offsetY(), 1e-9);
        assertEquals(new Crosshair(new Vec3(-31, -31, 1)), crosshair.get(), "panning does not move the crosshair");
        WritableImage after = snapshot(axial);
        assertEquals(0, rgb(after, 147, 100)[0]);
        assertEquals(255, rgb(after, 148, 100)[0]);
        // The top 10 rows and left 20 columns are now off the slice: black.
        assertArrayEquals(new int[] {0, 0, 0}, rgb(after, 19, 100));
        assertEquals(0, rgb(after, 200, 9)[0]);
        assertEquals(255, rgb(after, 200, 10)[0]);
    }

    @Test
    void middleDragPansToo(FxRobot robot) {
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        robot.moveTo(b.getMinX() + 100, b.getMinY() + 100).press(MouseButton.MIDDLE).moveBy(-12, 7)
                .release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-12.0, axial.transform().offsetX(), 1e-9);
        assertEquals(7.0, axial.transform().offsetY(), 1e-9);
    }

    @Test
    void invertTurnsAKnownPixelIntoItsInverse() {
        WindowLevel wl = new WindowLevel(500, 2001);
        fx(() -> windowLevel.set(wl));
        int bright = grey(1000, wl);
        assertEquals(191, bright);  // ((1000 − 499.5) / 2000 + 0.5) · 255 = 191.3
        assertArrayEquals(new int[] {bright, bright, bright}, rgb(snapshot(axial), 200, 100));
        fx(() -> axial.setInverted(true));
        assertArrayEquals(new int[] {255 - bright, 255 - bright, 255 - bright}, rgb(snapshot(axial), 200, 100));
        assertEquals(255, rgb(snapshot(axial), 60, 100)[0], "−1000 is black, inverted white");
    }

    @Test
    void monochrome1VolumesAreDrawnInvertedAndInvertFlipsThemBack() {
        Volume m1 = SliceViewFixtures.leftBright();
        m1.properties().put("photometric", "MONOCHROME1");
        fx(() -> axial.setVolume(m1));
        assertEquals(0, rgb(snapshot(axial), 200, 100)[0], "MONOCHROME1: high values dark");
        fx(() -> axial.setInverted(true));
        assertEquals(255, rgb(snapshot(axial), 200, 100)[0]);
    }

    @Test
    void resetRestoresZoomPanAndWindow() {
        ViewTransform initial = axial.transform();
        fx(() -> {
            axial.zoomBy(3, 10, 20);
            axial.panBy(-30, 17);
            windowLevel.set(new WindowLevel(123, 45));
        });
        assertEquals(12.0, axial.transform().scale(), 1e-12);
        fx(axial::reset);
        assertEquals(initial, axial.transform());
        assertEquals(WIDE, windowLevel.get());
    }

    @Test
    void nearestAndLinearDifferAtTheEdgeExactlyAsComputed() {
        fx(() -> axial.setInterpolation(Interpolation.NEAREST));
        WritableImage nearest = snapshot(axial);
        fx(() -> axial.setInterpolation(Interpolation.LINEAR));
        WritableImage linear = snapshot(axial);
        for (int c = 120; c <= 135; c++) {
            double x = (c + 0.5) / 4 - 0.5;                          // voxel index under column c
            double nearestValue = Math.floor(x + 0.5) >= 32 ? 1000 : -1000;
            double f = Math.min(1, Math.max(0, x - 31));            // weight of voxel 32 between 31 and 32
            double linearValue = -1000 * (1 - f) + 1000 * f;
            assertEquals(grey(nearestValue, WIDE), rgb(nearest, c, 100)[0], "nearest, column " + c);
            assertEquals(grey(linearValue, WIDE), rgb(linear, c, 100)[0], "linear, column " + c);
        }
        // Written out for the four columns that straddle the edge: −750, −250, 250, 750.
        assertArrayEquals(new int[] {32, 96, 159, 223},
                new int[] {rgb(linear, 126, 100)[0], rgb(linear, 127, 100)[0], rgb(linear, 128, 100)[0], rgb(linear, 129, 100)[0]});
        assertArrayEquals(new int[] {0, 0, 255, 255},
                new int[] {rgb(nearest, 126, 100)[0], rgb(nearest, 127, 100)[0], rgb(nearest, 128, 100)[0], rgb(nearest, 129, 100)[0]});
    }

    @Test
    void keysScrollBySlicesAndJumpToTheEnds(FxRobot robot) {
        robot.clickOn(axial, MouseButton.MIDDLE);
        assertEquals(20, axial.sliceIndex());                       // z = 1 is voxel layer 20
        robot.type(KeyCode.UP);
        assertEquals(3.0, crosshair.get().point().z(), 1e-9);
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        assertEquals(-1.0, crosshair.get().point().z(), 1e-9);
        robot.type(KeyCode.PAGE_UP);
        assertEquals(-1.0 + 2 * SliceView.PAGE_SLICES, crosshair.get().point().z(), 1e-9);
        robot.type(KeyCode.HOME);
        assertEquals(-39.0, crosshair.get().point().z(), 1e-9);
        assertEquals(0, axial.sliceIndex());
        robot.type(KeyCode.END);
        assertEquals(39.0, crosshair.get().point().z(), 1e-9);
        assertEquals(39, axial.sliceIndex());
        assertEquals(-31.0, crosshair.get().point().x(), 1e-9, "scrolling keeps the in-plane position");
    }

    @Test
    void cineStepsOneSliceAndWrapsFromTheLastToTheFirst() {
        fx(() -> axial.cineStep());
        assertEquals(21, axial.sliceIndex());
        fx(() -> axial.goToSlice(39));
        fx(() -> axial.cineStep());
        assertEquals(0, axial.sliceIndex());
        assertEquals(-39.0, crosshair.get().point().z(), 1e-9);
    }

    @Test
    void cinePlaysUntilStopped() throws Exception {
        fx(() -> {
            axial.goToSlice(38);
            axial.playCine(60);
        });
        // Waits for the timeline to wrap past the last slice and go on; the time it takes is not checked.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> axial.sliceIndex() == 1);
        fx(axial::stopCine);
        assertFalse(axial.isCinePlaying());
        int stoppedAt = axial.sliceIndex();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stoppedAt, axial.sliceIndex(), "stopped cine does not advance");
    }

    static void assertVec(Vec3 expected, Vec3 actual) {
        assertArrayEquals(new double[] {expected.x(), expected.y(), expected.z()},
                new double[] {actual.x(), actual.y(), actual.z()}, 1e-9, () -> expected + " vs " + actual);
    }
}
