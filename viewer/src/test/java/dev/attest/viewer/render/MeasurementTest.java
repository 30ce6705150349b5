package dev.attest.viewer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    /** An 8 x 6 slice whose pixel (i, j) holds 10 * j + i, so sums inside a region can be done by hand. */
    private static SliceImage ramp(double spacingMm) {
        float[] v = new float[8 * 6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 8; i++) {
                v[j * 8 + i] = 10 * j + i;
            }
        }
        return new SliceImage(8, 6, spacingMm, v, ViewPlane.axial(Vec3.ZERO), Vec3.ZERO, "HU");
    }

    @Test
    void distanceIsEuclideanInMillimetres() {
        Distance d = new Distance("d1", new Vec3(1, 2, 3), new Vec3(4, 6, 15));
        assertEquals(13.0, d.millimetres(), 1e-12);           // sqrt(9 + 16 + 144)
    }

    @Test
    void angleAtVertexInDegrees() {
        Vec3 o = new Vec3(10, -5, 2);
        assertEquals(90.0, new Angle("", o.add(new Vec3(3, 0, 0)), o, o.add(new Vec3(0, 0, 7))).degrees(), 1e-12);
        assertEquals(45.0, new Angle("", o.add(new Vec3(1, 0, 0)), o, o.add(new Vec3(2, 2, 0))).degrees(), 1e-12);
        assertEquals(180.0, new Angle("", o.add(new Vec3(1, 1, 1)), o, o.sub(new Vec3(2, 2, 2))).degrees(), 1e-12);
        assertEquals(60.0, new Angle("", new Vec3(1, 0, 0), Vec3.ZERO, new Vec3(0.5, Math.sqrt(3) / 2, 0)).degrees(), 1e-12);
    }

    @Test
    void triangleAreaAndStatsMatchHandComputation() {
        // Legs of 6 and 5 pixels from (-0.5, -0.5): no pixel centre lies on an edge, since the
        // hypotenuse 5(i + 0.5) + 6(j + 0.5) = 30 has no integer solution. Inside centres by row:
        // j=0: i 0..4 (values 0..4), j=1: i 0..3 (10..13), j=2: 20..22, j=3: 30, 31, j=4: 40.
        PolygonRoi triangle = new PolygonRoi("t", new double[] {-0.5, 5.5, -0.5}, new double[] {-0.5, -0.5, 4.5});
        SliceImage image = ramp(0.5);
        assertEquals(15.0, triangle.areaPixels(), 1e-12);
        assertEquals(3.75, triangle.areaMm2(image), 1e-12);   // 15 px * 0.25 mm2
        PixelStats s = triangle.stats(image);
        assertEquals(15, s.count());
        assertEquals(220.0 / 15, s.mean(), 1e-12);           // sum 10 + 46 + 63 + 61 + 40
        // sum of squares 30 + 534 + 1325 + 1861 + 1600 = 5350
        assertEquals(Math.sqrt((5350 - 220.0 * 220 / 15) / 14), s.sd(), 1e-12);
        assertEquals(0.0, s.min());
        assertEquals(40.0, s.max());
    }

    @Test
    void rectangleCountsCentresInsideAndSkipsNan() {
        // Corners at half-pixel positions: centres i 1..4, j 1..2, values 11..14 and 21..24.
        PolygonRoi rect = new PolygonRoi("r", new double[] {0.5, 4.5, 4.5, 0.5}, new double[] {0.5, 0.5, 2.5, 2.5});
        SliceImage image = ramp(0.7);
        assertEquals(8 * 0.49, rect.areaMm2(image), 1e-12);
        PixelStats s = rect.stats(image);
        assertEquals(8, s.count());
        assertEquals(17.5, s.mean(), 1e-12);
        // deviations +-3.5, +-4.5, +-5.5, +-6.5 once each: sum of squares 2 * (12.25 + 20.25 + 30.25 + 42.25) = 210
        assertEquals(Math.sqrt(210.0 / 7), s.sd(), 1e-12);
        image.values()[1 * 8 + 1] = Float.NaN;                // pixel (1, 1) outside the volume
        PixelStats withNan = rect.stats(image);
        assertEquals(7, withNan.count());
        assertEquals(12.0, withNan.min());
    }

    @Test
    void unitCircleHoldsTheCentreAndItsFourNeighbours() {
        EllipseRoi circle = new EllipseRoi("c", 3, 2, 1, 1);
        PixelStats s = circle.stats(ramp(1));
        assertEquals(5, s.count());                           // boundary centres are inside
        assertEquals(23.0, s.mean(), 1e-12);                  // 23 and 22, 24, 13, 33
        assertEquals(Math.PI, circle.areaMm2(ramp(1)), 1e-12);
    }

    @Test
    void ellipsePixelCountApproachesPiABWithinTheBoundaryBound() {
        // |count - pi a b| (in pixels) is at most the number of pixel squares the outline crosses:
        // the outline is four monotone arcs, each crossing at most a + b + 2 squares, so the bound
        // is 4 (a + b) + 8 pixels.
        float[] flat = new float[100 * 80];
        java.util.Arrays.fill(flat, 7f);
        SliceImage image = new SliceImage(100, 80, 0.8, flat, ViewPlane.axial(Vec3.ZERO), Vec3.ZERO, "HU");
        double[][] cases = {{50.3, 40.7, 30.5, 12.25}, {49, 39, 20, 20}, {51.5, 38.2, 3.3, 9.9}};
        for (double[] c : cases) {
            EllipseRoi e = new EllipseRoi("e", c[0], c[1], c[2], c[3]);
            PixelStats s = e.stats(image);
            double countMm2 = s.count() * image.pixelAreaMm2();
            double boundMm2 = (4 * (c[2] + c[3]) + 8) * image.pixelAreaMm2();
            assertEquals(Math.PI * c[2] * c[3] * 0.64, e.areaMm2(image), 1e-9);
            assertTrue(Math.abs(countMm2 - e.areaMm2(image)) <= boundMm2,
                    () -> "count area " + countMm2 + " vs " + e.areaMm2(image));
            assertEquals(7.0, s.mean(), 1e-12);
            assertEquals(0.0, s.sd(), 1e-12);
        }
    }
}
