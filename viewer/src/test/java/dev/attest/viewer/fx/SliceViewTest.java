package dev.attest.viewer.fx;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.WindowLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MPR views driven as a user drives them (headless Monocle): scrolling, clicking the
 * crosshair, right-dragging window/level, and an asymmetric volume to check that patient left
 * is drawn on the side marked L in every plane.
 */
@ExtendWith(ApplicationExtension.class)
class SliceViewTest {
    /** 64 x 64 x 40 at 2 mm, centred on the origin: patient-left half (x > 0) is +1000, the right half −1000. */
    private static final Volume VOLUME = leftBright();
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(new Vec3(0, 0, 0)));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(new WindowLevel(0, 400));
    private SliceView axial;
    private SliceView coronal;
    private SliceView sagittal;

    private static Volume leftBright() {
        ImageGrid grid = new ImageGrid(64, 64, 40, Affine.fromColumns(new Vec3(2, 0, 0), new Vec3(0, 2, 0),
                new Vec3(0, 0, 2), new Vec3(-63, -63, -39)));
        Volume v = Volume.allocate(grid, VoxelType.INT16);
        for (int z = 0; z < 40; z++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    v.setStored(x, y, z, grid.indexToLps().apply(x, y, z).x() > 0 ? 1000 : -1000);
                }
            }
        }
        return v;
    }

    @Start
    void start(Stage stage) {
        axial = new SliceView(StandardView.AXIAL, crosshair, windowLevel);
        coronal = new SliceView(StandardView.CORONAL, crosshair, windowLevel);
        sagittal = new SliceView(StandardView.SAGITTAL, crosshair, windowLevel);
        for (SliceView v : new SliceView[] {axial, coronal, sagittal}) {
            v.setPrefSize(256, 256);
            v.setVolume(VOLUME);
        }
        stage.setScene(new Scene(new HBox(axial, coronal, sagittal), 768, 256));
        stage.show();
    }

    private static WritableImage snapshot(SliceView view) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> shot.set(view.snapshot(null, null)));
        return shot.get();
    }

    private static double brightness(WritableImage img, double fx, double fy) {
        return img.getPixelReader().getColor((int) (img.getWidth() * fx), (int) (img.getHeight() * fy)).getBrightness();
    }

    @Test
    void patientLeftIsDrawnOnTheSideMarkedLInAxialAndCoronal() {
        for (SliceView view : new SliceView[] {axial, coronal}) {
            WritableImage img = snapshot(view);
            // Radiological convention: the image's right side (marked L) is the patient's left.
            assertTrue(brightness(img, 0.75, 0.6) > 0.9, view.view() + ": right of the image is patient left (bright)");
            assertTrue(brightness(img, 0.25, 0.6) < 0.1, view.view() + ": left of the image is patient right (dark)");
        }
    }

    @Test
    void scrollingMovesOneSliceAlongTheViewNormal(FxRobot robot) {
        Vec3 before = crosshair.get().point();
        robot.moveTo(axial).scroll(1, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        Vec3 after = crosshair.get().point();
        assertEquals(2.0, Math.abs(after.z() - before.z()), 1e-9, "one 2 mm slice");
        assertEquals(before.x(), after.x(), 1e-9);
        assertEquals(before.y(), after.y(), 1e-9);
    }

    @Test
    void clickingInOneViewMovesTheCrosshairTheOthersFollow(FxRobot robot) {
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.75, b.getMinY() + b.getHeight() * 0.5, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Vec3 p = crosshair.get().point();
        assertTrue(p.x() > 25 && p.x() < 40, "clicked at three quarters of the width: patient left, x = " + p.x());
        // The sagittal view is the plane x = p.x now, which lies in the bright (patient-left) half everywhere.
        WritableImage sag = snapshot(sagittal);
        assertTrue(brightness(sag, 0.5, 0.5) > 0.9, "sagittal followed the crosshair into the patient-left half");
    }

    @Test
    void rightDragChangesWindowLevel(FxRobot robot) {
        WindowLevel before = windowLevel.get();
        robot.moveTo(coronal).press(MouseButton.SECONDARY).moveBy(30, 20).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, windowLevel.get());
        assertTrue(windowLevel.get().width() > before.width(), "dragging right widens the window");
    }
}
