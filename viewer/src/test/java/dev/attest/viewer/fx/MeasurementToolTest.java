package dev.attest.viewer.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.measure.DrawnMeasurement;
import dev.attest.viewer.measure.MeasurementCalculator;
import dev.attest.viewer.measure.MeasurementExport;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.Angle;
import dev.attest.viewer.render.Distance;
import dev.attest.viewer.render.RoiMeasurement;
import dev.attest.viewer.render.WindowLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measurements drawn with the mouse on a 256 x 256 axial view (headless Monocle) of a 64 x 64 x 40
 * volume of 2 mm voxels, so one slice pixel is 4 screen pixels and one screen pixel 0.5 mm; view
 * (x, y) is over slice pixel (x / 4 - 0.5, y / 4 - 0.5), LPS x = -63 + 2u, y = -63 + 2v. The
 * patient-left half (x > 0, slice columns u >= 32) is +1000 HU, the right half -1000.
 */
@ExtendWith(ApplicationExtension.class)
class MeasurementToolTest {

    private static final Volume VOLUME = leftBright();
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(Vec3.ZERO));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(new WindowLevel(0, 400));
    private final MeasurementList list = new MeasurementList();
    private final MeasurementCalculator calculator = new MeasurementCalculator(VOLUME, Interpolation.LINEAR);
    private MeasurementLayer layer;
    private SliceView axial;
    private SliceView coronal;

    private static Volume leftBright() {
        ImageGrid grid = new ImageGrid(64, 64, 40, Affine.fromColumns(new Vec3(2, 0, 0), new Vec3(0, 2, 0),
                new Vec3(0, 0, 2), new Vec3(-63, -63, -39)));
        Volume v = Volume.allocate(grid, VoxelType.INT16);
        v.properties().put(SliceImage.UNIT_PROPERTY, "HU");
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
        layer = new MeasurementLayer(list, calculator);
        for (SliceView v : new SliceView[] {axial, coronal}) {
            v.setPrefSize(256, 256);
            v.setMinSize(256, 256);
            v.setMaxSize(256, 256);
            v.setVolume(VOLUME);
            layer.attachTo(v);
        }
        stage.setScene(new Scene(new HBox(axial, coronal), 512, 256));
        stage.show();
    }

    private void use(MeasurementKind kind) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> axial.setTool(new MeasurementTool(kind, layer, axial)));
    }

    private Point2D at(double x, double y) {
        return axial.localToScreen(x, y);
    }

    private void drag(FxRobot robot, double x0, double y0, double x1, double y1) {
        robot.moveTo(at(x0, y0)).press(MouseButton.PRIMARY).moveTo(at((x0 + x1) / 2, (y0 + y1) / 2))
                .moveTo(at(x1, y1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void click(FxRobot robot, double x, double y) {
        robot.moveTo(at(x, y)).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        robot.sleep(400);       // apart enough not to count as a double click
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ViewTransform transform() {
        AtomicReference<ViewTransform> t = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> t.set(axial.transform()));
        return t.get();
    }

    private static WritableImage snapshot(SliceView view) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> shot.set(view.snapshot(null, null)));
        return shot.get();
    }

    /** The most cyan-like (selected colour) pixel within one pixel of (x, y): blue minus red. */
    private static double selectedColourNear(WritableImage img, int x, int y) {
        double best = -1;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                Color c = img.getPixelReader().getColor(x + dx, y + dy);
                best = Math.max(best, c.getBlue() - c.getRed());
            }
        }
        return best;
    }

    @Test
    void viewMapsFourScreenPixelsToOneTwoMillimetrePixel() {
        ViewTransform t = transform();
        assertEquals(4.0, t.scale(), 0);
        assertEquals(0.0, t.offsetX(), 0);
        assertEquals(0.0, t.offsetY(), 0);
        assertEquals(new Vec3(-34, -14, 0), t.screenToLps(60, 100));
    }

    @Test
    void draggingADistanceGivesTheLengthInMmOfTheScreenPoints(FxRobot robot) {
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        assertEquals(1, list.size());
        DrawnMeasurement d = list.all().get(0);
        ViewTransform t = transform();
        assertEquals(List.of(t.screenToLps(60, 100), t.screenToLps(180, 190)), d.points());
        // 120 x 90 screen pixels of 0.5 mm: a 60 x 45 mm leg pair, 75 mm.
        assertEquals(75.0, ((Distance) calculator.measure(d)).millimetres(), 1e-9);
        assertEquals(d.id(), list.selectedId().getAsLong(), "a new measurement is selected");
    }

    @Test
    void draggingAHandleUpdatesTheValue(FxRobot robot) {
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        drag(robot, 181, 188, 180, 100);         // grab the end handle 2 px off and move it up
        DrawnMeasurement d = list.all().get(0);
        assertEquals(1, list.size());
        assertEquals(new Vec3(26, -14, 0), d.point(1));
        assertEquals(60.0, ((Distance) layer.valueOf(d)).millimetres(), 1e-9);
    }

    @Test
    void draggingTheLineMovesTheWholeMeasurement(FxRobot robot) {
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        drag(robot, 120, 145, 140, 105);         // grab the middle: 20 px right, 40 px up = 10 mm, -20 mm
        DrawnMeasurement d = list.all().get(0);
        assertEquals(List.of(new Vec3(-24, -34, 0), new Vec3(36, 11, 0)), d.points());
    }

    @Test
    void ellipseAcrossTheMidlineHasTheExactMeanOfItsPixels(FxRobot robot) {
        use(MeasurementKind.ELLIPSE);
        drag(robot, 100, 60, 180, 140);          // slice pixels (24.5, 14.5) to (44.5, 34.5): a circle of radius 10
        RoiMeasurement r = (RoiMeasurement) layer.valueOf(list.all().get(0));
        // numpy over the 64 x 64 pixel centres: 316 inside, 218 of them at u >= 32 (+1000), 98 at -1000.
        assertEquals(316, r.stats().count());
        assertEquals(1000.0 * (218 - 98) / 316, r.stats().mean(), 1e-9);
        assertEquals(926.5576841478602, r.stats().sd(), 1e-9);
        assertEquals(-1000.0, r.stats().min(), 0);
        assertEquals(1000.0, r.stats().max(), 0);
        assertEquals(Math.PI * 20 * 20, r.areaMm2(), 1e-9);
        assertEquals("HU", r.unit());
    }

    @Test
    void angleByThreeClicksWithTheVertexSecond(FxRobot robot) {
        use(MeasurementKind.ANGLE);
        click(robot, 40, 40);
        click(robot, 40, 120);
        assertEquals(0, list.size(), "two clicks are not an angle yet");
        click(robot, 120, 40);
        assertEquals(1, list.size());
        assertEquals(45.0, ((Angle) layer.valueOf(list.all().get(0))).degrees(), 1e-9);
    }

    @Test
    void polygonClosedWithEnterHasTheRectanglesArea(FxRobot robot) {
        use(MeasurementKind.POLYGON);
        click(robot, 20, 20);
        click(robot, 100, 20);
        click(robot, 100, 60);
        click(robot, 20, 60);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, list.size());
        RoiMeasurement r = (RoiMeasurement) layer.valueOf(list.all().get(0));
        assertEquals(40.0 * 20.0, r.areaMm2(), 1e-9);          // 80 x 40 screen px of 0.5 mm
        assertEquals(-1000.0, r.stats().mean(), 0);
        // Pixel centres strictly inside u 4.5..24.5, v 4.5..14.5: 20 x 10.
        assertEquals(200, r.stats().count());
    }

    @Test
    void polygonClosedByADoubleClickKeepsOneVertexThere(FxRobot robot) {
        use(MeasurementKind.POLYGON);
        click(robot, 20, 20);
        click(robot, 100, 20);
        click(robot, 100, 60);
        robot.moveTo(at(20, 60)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, list.size());
        assertEquals(4, list.all().get(0).points().size());
        assertEquals(800.0, ((RoiMeasurement) layer.valueOf(list.all().get(0))).areaMm2(), 1e-9);
    }

    @Test
    void lengthsStayInMillimetresWhenZoomed(FxRobot robot) {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> axial.zoomBy(2, 128, 128));
        assertEquals(8.0, transform().scale(), 1e-12);
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        // Now one screen pixel is 0.25 mm: 150 px of drag is 37.5 mm.
        assertEquals(37.5, ((Distance) layer.valueOf(list.all().get(0))).millimetres(), 1e-9);
    }

    @Test
    void escapeCancelsAPolygonBeingDrawnAndDeleteRemovesTheSelectedOne(FxRobot robot) {
        use(MeasurementKind.POLYGON);
        click(robot, 20, 20);
        click(robot, 100, 20);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, list.size());
        assertNull(layer.sketch());
        click(robot, 20, 20);
        robot.scroll(1, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(layer.sketch(), "scrolling off the slice drops the half-drawn polygon");
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        assertEquals(1, list.size());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, list.size());
    }

    @Test
    void measurementShowsOnItsOwnSliceOnly(FxRobot robot) {
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        DrawnMeasurement d = list.all().get(0);
        assertEquals(List.of(d), layer.visibleOn(transform()));
        assertTrue(selectedColourNear(snapshot(axial), 120, 145) > 0.6, "the line is drawn through (120, 145)");
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> axial.scrollSlices(1));
        assertEquals(List.of(), layer.visibleOn(transform()));
        assertTrue(selectedColourNear(snapshot(axial), 120, 145) < 0.1, "nothing drawn on the next slice");
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> axial.scrollSlices(-1));
        assertTrue(selectedColourNear(snapshot(axial), 120, 145) > 0.6, "back on its slice it shows again");
        // The coronal view through the crosshair is perpendicular: it never shows an axial measurement.
        AtomicReference<ViewTransform> ct = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> ct.set(coronal.transform()));
        assertEquals(List.of(), layer.visibleOn(ct.get()));
    }

    @Test
    void exportsWhatWasDrawnAsCsv(FxRobot robot) {
        use(MeasurementKind.DISTANCE);
        drag(robot, 60, 100, 180, 190);
        use(MeasurementKind.ELLIPSE);
        drag(robot, 140, 60, 220, 100);          // pixels u 34.5..54.5, v 14.5..24.5: all in the +1000 half
        String corners = "6 -34 0;46 -14 0";
        String ellipse = "2,ellipse,,0 0 1,0," + corners + ",";
        assertEquals(MeasurementExport.HEADER + "\r\n"
                + "1,distance,,0 0 1,0,-34 -14 0;26 31 0,length,75,mm\r\n"
                + ellipse + "area,628.3185307179587,mm2\r\n"
                + ellipse + "mean,1000,HU\r\n"
                + ellipse + "sd,0,HU\r\n"
                + ellipse + "min,1000,HU\r\n"
                + ellipse + "max,1000,HU\r\n"
                + ellipse + "count,160,pixels\r\n",
                MeasurementExport.toCsv(list.all(), calculator));
    }
}
