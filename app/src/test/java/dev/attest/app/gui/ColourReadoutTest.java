package dev.attest.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.fx.SliceView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar under the cursor on colour images (headless Monocle): all three channels, and
 * the palette index for palette colour, at pixels whose values were read with pydicom 2.3
 * ({@code pixel_array}, and {@code apply_color_lut} for the palette).
 */
@ExtendWith(ApplicationExtension.class)
class ColourReadoutTest {
    private static final Path CODECS = Path.of(System.getProperty("attest.data", "../../shared/data"), "dicom-codecs", "pydicom");
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    /** Opens the file, hovers the voxel (column, row, 0) in whichever view shows it, and returns the readout. */
    private String readoutAt(FxRobot robot, Path file, int column, int row) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.open(List.of(file)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.imageProperty().get() != null && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Vec3 lps = window.imageProperty().get().volume().grid().indexToLps().apply(column, row, 0);
        for (String name : List.of("axial", "coronal", "sagittal")) {
            SliceView view = robot.lookup("#view-" + name).queryAs(SliceView.class);
            var t = view.transform();
            if (t == null || Math.abs(t.distanceToPlane(lps)) > 1e-6 || !view.isVisible()) {
                continue;
            }
            double[] at = t.lpsToScreen(lps);
            // Zoomed in about the voxel so it spans many screen pixels and the mouse's whole-pixel position stays on it.
            WaitForAsyncUtils.asyncFx(() -> view.zoomBy(16, at[0], at[1])).get();
            WaitForAsyncUtils.waitForFxEvents();
            double[] s = view.transform().lpsToScreen(lps);
            Point2D p = view.localToScreen(s[0], s[1]);
            Bounds b = view.localToScreen(view.getBoundsInLocal());
            if (!b.contains(p)) {
                continue;
            }
            robot.moveTo(p);
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#readout").queryAs(Label.class).getText();
        }
        throw new AssertionError("no view shows voxel " + column + ", " + row);
    }

    @Test
    void rgbReadoutShowsAllThreeChannels(FxRobot robot) throws Exception {
        // pydicom: examples_rgb_color.dcm pixel_array[113, 188] = [180, 39, 6].
        String text = readoutAt(robot, CODECS.resolve("examples_rgb_color.dcm"), 188, 113);
        assertTrue(text.startsWith("R G B = 180 39 6   "), text);
        assertTrue(text.endsWith("voxel (188, 113, 0)"), text);
    }

    @Test
    void paletteReadoutShowsTheIndexAndItsColour(FxRobot robot) throws Exception {
        // pydicom: examples_palette.dcm pixel_array[306, 501] = 246, apply_color_lut -> [3072, 5632, 8192].
        String text = readoutAt(robot, CODECS.resolve("examples_palette.dcm"), 501, 306);
        assertTrue(text.startsWith("index 246 \u2192 R G B = 3072 5632 8192   "), text);
        assertTrue(text.endsWith("voxel (501, 306, 0)"), text);
    }
}
