package dev.attest.viewer.volume3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

class OrbitCameraTest {

    private static void assertVec(Vec3 expected, Vec3 actual) {
        assertEquals(expected.x(), actual.x(), 1e-12, () -> "x of " + actual);
        assertEquals(expected.y(), actual.y(), 1e-12, () -> "y of " + actual);
        assertEquals(expected.z(), actual.z(), 1e-12, () -> "z of " + actual);
    }

    @Test
    void defaultLooksFromTheFrontWithPatientLeftOnTheImageRightAndHeadUp() {
        OrbitCamera c = OrbitCamera.ANTERIOR;
        assertEquals(new Vec3(1, 0, 0), c.right());
        assertEquals(new Vec3(0, 0, -1), c.down());
        assertEquals(new Vec3(0, 1, 0), c.viewDirection());
        assertEquals(new Vec3(0, -1, 0), c.eyeDirection());
    }

    @Test
    void azimuth90ViewsFromThePatientsLeftWithPosteriorOnTheImageRight() {
        OrbitCamera c = new OrbitCamera(90, 0, 1, 0, 0);
        assertEquals(new Vec3(0, 1, 0), c.right());
        assertEquals(new Vec3(0, 0, -1), c.down());
        assertEquals(new Vec3(-1, 0, 0), c.viewDirection());
    }

    @Test
    void azimuth180IsThePosteriorViewWithPatientLeftOnTheImageLeft() {
        OrbitCamera c = new OrbitCamera(180, 0, 1, 0, 0);
        assertEquals(new Vec3(-1, 0, 0), c.right());
        assertEquals(new Vec3(0, -1, 0), c.viewDirection());
    }

    @Test
    void elevationMinus90IsTheRadiologicalAxialViewFromTheFeet() {
        OrbitCamera c = new OrbitCamera(0, -90, 1, 0, 0);
        assertEquals(new Vec3(1, 0, 0), c.right());
        assertEquals(new Vec3(0, 1, 0), c.down());
        assertEquals(new Vec3(0, 0, 1), c.viewDirection());
        OrbitCamera above = new OrbitCamera(0, 90, 1, 0, 0);
        assertEquals(new Vec3(0, 0, -1), above.viewDirection());
        assertEquals(new Vec3(0, -1, 0), above.down(), "from above the head, anterior is at the bottom");
    }

    @Test
    void frameIsOrthonormalAndRightHandedForAnyAngles() {
        for (double a = -180; a <= 180; a += 37) {
            for (double e = -90; e <= 90; e += 23) {
                OrbitCamera c = new OrbitCamera(a, e, 1, 0, 0);
                assertEquals(1, c.right().norm(), 1e-12);
                assertEquals(1, c.down().norm(), 1e-12);
                assertEquals(0, c.right().dot(c.down()), 1e-12);
                assertVec(c.viewDirection(), c.right().cross(c.down()));
            }
        }
    }

    @Test
    void withAnglesWrapsAzimuthAndClampsElevation() {
        OrbitCamera c = OrbitCamera.ANTERIOR.withAngles(370, 120);
        assertEquals(10, c.azimuthDeg(), 1e-12);
        assertEquals(90, c.elevationDeg());
        assertEquals(-170, OrbitCamera.normalizeAzimuth(190), 1e-12);
        assertEquals(180, OrbitCamera.normalizeAzimuth(-180), 1e-12);
    }

    @Test
    void refusesNonPositiveZoomAndElevationBeyondThePoles() {
        assertThrows(IllegalArgumentException.class, () -> new OrbitCamera(0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrbitCamera(0, 91, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OrbitCamera(Double.NaN, 0, 1, 0, 0));
    }
}
