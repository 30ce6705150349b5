package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.Angle;
import dev.attest.viewer.render.Distance;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawnMeasurementTest {

    @Test
    void distanceDrawnOnTheResliceOfAShearedAnisotropicGridIsTheVoxelDistanceInMm() {
        // 0.7 x 0.9 x 2.5 mm voxels with the slice axis sheared by 0.6 mm along y per slice (gantry tilt).
        ImageGrid grid = new ImageGrid(16, 12, 8, Affine.of(new double[][] {
                {0.7, 0, 0, -10}, {0, 0.9, 0.6, -20}, {0, 0, 2.5, 30}, {0, 0, 0, 1}}));
        Volume volume = Volume.allocate(grid, VoxelType.INT16);
        Vec3 p = grid.indexToLps().apply(3, 4, 5);
        Vec3 q = grid.indexToLps().apply(10, 2, 5);
        // A user clicks the two voxels on the axial reslice through them: screen pixels -> LPS.
        SliceImage axial = PlaneResampler.resample(volume, ViewPlane.axial(p), Interpolation.NEAREST);
        Vec3 pu = axial.lpsToPixel(p);
        Vec3 qu = axial.lpsToPixel(q);
        DrawnMeasurement d = new DrawnMeasurement(1, MeasurementKind.DISTANCE,
                List.of(axial.pixelToLps(pu.x(), pu.y()), axial.pixelToLps(qu.x(), qu.y())), axial.plane(), "");
        Distance result = (Distance) new MeasurementCalculator(volume, Interpolation.LINEAR).measure(d);
        // numpy: A = [[.7,0,0,-10],[0,.9,.6,-20],[0,0,2.5,30]]; norm(A @ [3,4,5,1] - A @ [10,2,5,1])
        assertEquals(5.220153254455275, result.millimetres(), 1e-12);
        assertEquals(new Vec3(-7.9, -13.4, 42.5).distance(d.point(0)), 0, 1e-12);
    }

    @Test
    void angleOfAThreeFourFiveTriangleOnACoronalPlane() {
        Vec3 vertex = new Vec3(5, 10, -3);
        DrawnMeasurement a = new DrawnMeasurement(2, MeasurementKind.ANGLE,
                List.of(vertex.add(new Vec3(3, 0, 0)), vertex, vertex.add(new Vec3(3, 0, 4))),
                ViewPlane.coronal(vertex), "hip");
        Angle result = (Angle) new MeasurementCalculator(TestVolumes.field(TestVolumes::linear), Interpolation.LINEAR)
                .measure(a);
        // numpy: degrees(arctan2(|u x v|, u.v)) for u = (3,0,0), v = (3,0,4)
        assertEquals(53.13010235415597, result.degrees(), 1e-12);
        assertEquals("hip", result.label());
    }

    @Test
    void pointsAreProjectedOntoTheDrawingPlane() {
        DrawnMeasurement d = new DrawnMeasurement(1, MeasurementKind.DISTANCE,
                List.of(new Vec3(1, 2, 3.25), new Vec3(4, 6, 2.75)), ViewPlane.axial(new Vec3(0, 0, 3)), "");
        assertEquals(new Vec3(1, 2, 3), d.point(0));
        assertEquals(new Vec3(4, 6, 3), d.point(1));
    }

    @Test
    void showsOnItsOwnSliceOnlyAndOnlyInParallelViews() {
        Volume volume = TestVolumes.field(TestVolumes::linear);
        ViewPlane drawnOn = ViewPlane.axial(new Vec3(0, 0, -3));   // slice k = 4
        DrawnMeasurement d = new DrawnMeasurement(1, MeasurementKind.DISTANCE,
                List.of(new Vec3(-5, -5, -3), new Vec3(5, 5, -3)), drawnOn, "");
        SliceNavigator nav = new SliceNavigator(volume, drawnOn);
        assertEquals(3.0, nav.step(), 0);
        assertTrue(d.liesOn(nav.planeAt(4), nav.step()));
        assertTrue(d.liesOn(ViewPlane.axial(new Vec3(20, 7, -3)), nav.step()), "same slice, other crosshair point");
        assertFalse(d.liesOn(nav.planeAt(5), nav.step()));
        assertFalse(d.liesOn(nav.planeAt(3), nav.step()));
        assertFalse(d.liesOn(ViewPlane.coronal(new Vec3(0, -5, -3)), nav.step()), "a coronal view through its point");
        // Within less than half a slice either way it still counts as the same slice.
        assertTrue(d.liesOn(ViewPlane.axial(new Vec3(0, 0, -1.51)), 3));
        assertFalse(d.liesOn(ViewPlane.axial(new Vec3(0, 0, -1.5)), 3));
    }

    @Test
    void editingMovesOneHandleOrTheWholeMeasurementWithinThePlane() {
        DrawnMeasurement d = new DrawnMeasurement(7, MeasurementKind.DISTANCE,
                List.of(new Vec3(0, 0, 2), new Vec3(3, 0, 2)), ViewPlane.axial(new Vec3(0, 0, 2)), "x");
        DrawnMeasurement stretched = d.withPoint(1, new Vec3(3, 4, 9));
        assertEquals(List.of(new Vec3(0, 0, 2), new Vec3(3, 4, 2)), stretched.points());
        assertEquals(5.0, ((Distance) calculator().measure(stretched)).millimetres(), 1e-12);
        DrawnMeasurement moved = stretched.translated(new Vec3(1, -2, 5));
        assertEquals(List.of(new Vec3(1, -2, 2), new Vec3(4, 2, 2)), moved.points());
        assertEquals(7, moved.id());
        assertEquals("x", moved.label());
    }

    @Test
    void refusesWrongPointCountsAndDegenerateShapes() {
        ViewPlane axial = ViewPlane.axial(Vec3.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DrawnMeasurement(1,
                MeasurementKind.ANGLE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), axial, ""));
        assertEquals("ANGLE needs 3 points, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DrawnMeasurement(1,
                MeasurementKind.POLYGON, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), axial, ""));
        assertEquals("POLYGON needs at least 3 points, got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DrawnMeasurement(1,
                MeasurementKind.ELLIPSE, List.of(Vec3.ZERO, new Vec3(4, 0, 0)), axial, ""));
        assertThrows(IllegalArgumentException.class, () -> new DrawnMeasurement(1,
                MeasurementKind.ANGLE, List.of(Vec3.ZERO, Vec3.ZERO, new Vec3(1, 0, 0)), axial, ""));
    }

    private static MeasurementCalculator calculator() {
        return new MeasurementCalculator(TestVolumes.field(TestVolumes::linear), Interpolation.LINEAR);
    }
}
