package dev.attest.app.gui;

import dev.attest.app.settings.UserDirs;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.render.WindowLevel;
import javafx.geometry.Bounds;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workstation driven as a reader drives it (headless Monocle): open a DICOM series written by
 * our writer, see it in the browser, scroll, window by key, click the crosshair, switch layouts,
 * overlay the ground-truth label map by dropping it and hide one label.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;
    private static Path dicom;
    private static Path labels;
    private MainWindow window;

    /** A noise-free 64 × 64 × 40 phantom at 5 mm, so every organ has its exact declared HU. */
    @BeforeAll
    static void writeCase() throws IOException {
        CtPhantom.Result phantom = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        dicom = dir.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Test^Phantom", "T1", "phantom"),
                TransferSyntax.EXPLICIT_VR_LE);
        labels = dir.resolve("phantom_labels.nii.gz");
        NiftiWriter.write(phantom.labels(), labels);
        CtPhantom.labelDescriptions().writeItkSnap(dir.resolve("phantom_labels.labels.txt"));
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    private void openCase() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.open(List.of(dicom)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.imageProperty().get() != null && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensTheSeriesListsItAndRemembersIt(FxRobot robot) throws Exception {
        openCase();
        TreeView<?> browser = robot.lookup("#study-browser").queryAs(TreeView.class);
        assertEquals(1, browser.getRoot().getChildren().size());
        assertEquals("#1 CT phantom\n    64\u00D764\u00D740", ((StudyBrowser.Row) browser.getRoot().getChildren().get(0)
                .getChildren().get(0).getValue()).text());
        assertEquals(64, window.imageProperty().get().volume().grid().sizeX());
        assertEquals(dicom.toAbsolutePath(), window.recent().entries().get(0));
        assertEquals(UserDirs.config().resolve("recent.txt").toFile().exists(), true);
    }

    @Test
    void wheelScrollsOneSliceAndF2GivesTheLungWindow(FxRobot robot) throws Exception {
        openCase();
        Vec3 before = window.crosshairProperty().get().point();
        robot.moveTo(view(robot, "axial")).scroll(1, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5.0, Math.abs(window.crosshairProperty().get().point().z() - before.z()), 1e-9);
        robot.push(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WindowLevel.CT_LUNG, window.windowLevelProperty().get());
        robot.push(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window.imageProperty().get().window(), window.windowLevelProperty().get());
    }

    @Test
    void aRemappedKeyTakesOverTheAction(FxRobot robot) throws Exception {
        openCase();
        WaitForAsyncUtils.asyncFx(() -> window.actions().keyMap().bind("window.ct-bone", "Shift+B")).get();
        robot.push(KeyCode.F2);
        robot.push(KeyCode.SHIFT, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WindowLevel.CT_BONE, window.windowLevelProperty().get());
        robot.push(KeyCode.F6); // the old key no longer does it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WindowLevel.CT_BONE, window.windowLevelProperty().get());
    }

    @Test
    void clickingTheAxialViewMovesTheCrosshairForTheOtherPlanes(FxRobot robot) throws Exception {
        openCase();
        SliceView axial = view(robot, "axial");
        Vec3 before = window.crosshairProperty().get().point();
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() / 2 + 40, b.getMinY() + b.getHeight() / 2);
        WaitForAsyncUtils.waitForFxEvents();
        Vec3 after = window.crosshairProperty().get().point();
        assertTrue(after.x() > before.x() + 10, "clicked right of centre: towards patient left, x " + before.x() + " -> " + after.x());
        assertEquals(before.z(), after.z(), 1e-9, "an axial click keeps the axial slice");
    }

    @Test
    void layoutKeysShowOneViewOrAll(FxRobot robot) throws Exception {
        openCase();
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("view-coronal"), window.viewports().getChildren().stream().map(n -> n.getId()).toList());
        robot.press(KeyCode.ALT, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, window.viewports().getChildren().size());
    }

    @Test
    void droppedLabelMapIsOverlaidAndALabelCanBeHidden(FxRobot robot) throws Exception {
        openCase();
        WaitForAsyncUtils.asyncFx(() -> window.openDropped(List.of(new File(labels.toString()))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#label-4").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4  liver", robot.lookup("#label-4").queryAs(CheckBox.class).getText());
        assertFalse(robot.lookup("#label-1").queryAs(CheckBox.class).isSelected(), "the body starts hidden");
        assertEquals(13, robot.lookup(".check-box").queryAll().stream().filter(n -> n.getId() != null
                && n.getId().matches("label-\\d+")).count());
        WaitForAsyncUtils.asyncFx(() -> {
            window.windowLevelProperty().set(WindowLevel.CT_ABDOMEN);
            window.crosshairProperty().set(new Crosshair(new Vec3(-60, -5, -40))); // the liver's centre
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // Liver: 60 HU in W 400 / L 40 is grey 141; liver colour (181, 71, 47) at opacity 0.45 (alpha 115) over
        // it gives ((181·115 + 141·140 + 127) / 255, ...) = (159, 109, 99).
        assertEquals(Color.rgb(159, 109, 99), liverPixel(robot));
        robot.clickOn("#label-4");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.rgb(141, 141, 141), liverPixel(robot), "liver hidden: the plain grey image");
        robot.clickOn("#label-4");
        robot.push(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        // Inverted grey 255 − 141 = 114 under the same liver colour: (181·115 + 114·140 + 127) / 255 …
        assertEquals(Color.rgb(144, 95, 84), liverPixel(robot), "invert applies to the image under the overlay");
        robot.push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.rgb(114, 114, 114), liverPixel(robot), "M hides the whole label map");
    }

    @Test
    void droppedHeatMapIsDrawnWithItsColourMapOverTheImage(FxRobot robot) throws Exception {
        openCase();
        // A probability map: 0.9 within 40 mm of the liver centre, 0 elsewhere, on the CT's own grid.
        var grid = window.imageProperty().get().volume().grid();
        dev.attest.core.volume.Volume prob = dev.attest.core.volume.Volume.allocate(grid, dev.attest.core.volume.VoxelType.FLOAT32);
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    prob.setStored(x, y, z, grid.indexToLps().apply(x, y, z).distance(new Vec3(-60, -5, -40)) <= 40 ? 0.9 : 0);
                }
            }
        }
        Path file = dir.resolve("liver_prob.nii.gz");
        NiftiWriter.write(prob, file);
        WaitForAsyncUtils.asyncFx(() -> window.openDropped(List.of(file.toFile())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.overlayStack().find("heat").isPresent());
        WaitForAsyncUtils.asyncFx(() -> {
            window.windowLevelProperty().set(WindowLevel.CT_ABDOMEN);
            window.crosshairProperty().set(new Crosshair(new Vec3(-60, -5, -40)));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // Probabilities get the range 0..1, threshold 0.2, inferno at opacity 0.6, over liver grey 141.
        int heat = new dev.attest.viewer.render.ContinuousOverlay(dev.attest.viewer.render.ColorMap.inferno(), 0, 1, 0.2, 0.6)
                .render(new float[] {0.9f}, 1, 1)[0];
        int expected = dev.attest.viewer.render.Argb.composite(0xFF8D8D8D, heat);
        assertEquals(Color.rgb(expected >> 16 & 255, expected >> 8 & 255, expected & 255), liverPixel(robot));
        robot.lookup("#heat-threshold").queryAs(javafx.scene.control.Slider.class);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#heat-threshold").queryAs(javafx.scene.control.Slider.class).setValue(0.95)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.rgb(141, 141, 141), liverPixel(robot), "below the threshold the image shows through");
    }

    @Test
    void aDicomSegInTheBrowserOpensOverItsSourceSeries(FxRobot robot) throws Exception {
        Path data = Path.of(System.getProperty("attest.data"));
        WaitForAsyncUtils.asyncFx(() -> window.open(List.of(data.resolve("seg-sr/dcmqi_ct-3slice"),
                data.resolve("seg-sr/dcmqi_liver_seg.dcm"))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.imageProperty().get() != null && !window.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.openLabels(data.resolve("seg-sr/dcmqi_liver_seg.dcm")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#label-1").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1  Liver", robot.lookup("#label-1").queryAs(CheckBox.class).getText());
        var layer = (dev.attest.viewer.overlay.LabelLayer) window.overlayStack().overlays().get(0);
        long voxels = 0;
        var g = layer.labels().grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    voxels += layer.labels().getStored(x, y, z) == 1 ? 1 : 0;
                }
            }
        }
        assertEquals(36233 + 35645 + 35220, voxels, "pydicom's per-slice liver counts");
        assertEquals(window.imageProperty().get().volume().grid(), g, "placed on the CT's own grid");
    }

    @Test
    void theDistanceKeyDrawsAMeasurementThatIsListedAndExported(FxRobot robot) throws Exception {
        openCase();
        SliceView axial = view(robot, "axial");
        robot.moveTo(axial);
        robot.push(KeyCode.D);
        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        var t = axial.transform();
        Vec3 from = t.screenToLps(b.getWidth() / 2 - 60, b.getHeight() / 2);
        Vec3 to = t.screenToLps(b.getWidth() / 2 + 60, b.getHeight() / 2);
        robot.drag(cx - 60, cy, javafx.scene.input.MouseButton.PRIMARY).dropTo(cx + 60, cy);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.measurements().size());
        var m = window.measurements().all().get(0);
        assertEquals(from.distance(to), m.points().get(0).distance(m.points().get(1)), 1e-9, "the dragged length in mm");
        Path csv = dir.resolve("m.csv");
        WaitForAsyncUtils.asyncFx(() -> window.exportMeasurements(csv)).get();
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(dev.attest.viewer.measure.MeasurementExport.HEADER, lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("1,distance,"), lines.get(1));
        String[] f = lines.get(1).split(",");
        assertEquals(List.of("length", "mm"), List.of(f[6], f[8]));
        assertEquals(from.distance(to), Double.parseDouble(f[7]), 1e-9);
    }

    /** The axial view's pixel 6 screen pixels right of and below the crosshair (inside the liver). */
    private Color liverPixel(FxRobot robot) {
        SliceView axial = view(robot, "axial");
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> shot.set(axial.snapshot(null, null)));
        // The 64 × 64 image (320 mm square) is fitted and centred in the view; the crosshair point
        // (−60, −5) lies at voxel (19.5, 30.5) of the grid whose first centre is at −157.5 mm.
        double w = axial.getWidth();
        double h = axial.getHeight();
        double scale = Math.min(w / 64, h / 64);
        double x = (w - 64 * scale) / 2 + (19.5 + 0.5) * scale + 6;
        double y = (h - 64 * scale) / 2 + (30.5 + 0.5) * scale + 6;
        return shot.get().getPixelReader().getColor((int) x, (int) y);
    }

    private static SliceView view(FxRobot robot, String name) {
        return robot.lookup("#view-" + name).queryAs(SliceView.class);
    }
}
