package dev.attest.viewer.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoxMarkerTest {

    private static final BoxMarker BOX = BoxMarker.of("b", new Vec3(10, -4, 6), new Vec3(-2, 8, -6), 0x123456);

    private static Set<Vec3> rounded(List<Vec3> points) {
        Set<Vec3> out = new HashSet<>();
        for (Vec3 p : points) {
            out.add(new Vec3(Math.round(p.x() * 1e6) / 1e6, Math.round(p.y() * 1e6) / 1e6, Math.round(p.z() * 1e6) / 1e6));
        }
        return out;
    }

    @Test
    void axialPlaneThroughTheBoxCutsItsXyRectangle() {
        List<Vec3> section = BOX.section(ViewPlane.axial(new Vec3(100, 100, 1.5)));
        assertEquals(Set.of(new Vec3(-2, -4, 1.5), new Vec3(10, -4, 1.5), new Vec3(10, 8, 1.5), new Vec3(-2, 8, 1.5)),
                rounded(section));
        // In order around the rectangle: consecutive vertices differ in exactly one coordinate.
        for (int i = 0; i < 4; i++) {
            Vec3 d = section.get((i + 1) % 4).sub(section.get(i));
            assertEquals(1, (d.x() != 0 ? 1 : 0) + (d.y() != 0 ? 1 : 0));
        }
    }

    @Test
    void planesBeyondTheBoxOrTouchingAnEdgeShowNothingAndAFacePlaneShowsTheFace() {
        assertTrue(BOX.section(ViewPlane.axial(new Vec3(0, 0, 6.001))).isEmpty());
        assertTrue(BOX.section(ViewPlane.coronal(new Vec3(0, -4.5, 0))).isEmpty());
        assertEquals(Set.of(new Vec3(-2, -4, 6), new Vec3(10, -4, 6), new Vec3(10, 8, 6), new Vec3(-2, 8, 6)),
                rounded(BOX.section(ViewPlane.axial(new Vec3(0, 0, 6)))));
        // A plane through one edge only (x = 10, y = 8 line) with a normal at 45 degrees.
        ViewPlane touching = ViewPlane.oblique(new Vec3(10, 8, 0), new Vec3(1, -1, 0), new Vec3(0, 0, -1));
        assertTrue(BOX.section(touching).isEmpty());
    }

    @Test
    void obliquePlaneThroughTheCentreOfACubeCutsTheRegularHexagon() {
        // Cube [0, 2]^3, plane through (1, 1, 1) with normal (1, 1, 1): the hexagon through the six
        // edge midpoints that have one coordinate 0, one 1 and one 2.
        BoxMarker cube = BoxMarker.of("c", Vec3.ZERO, new Vec3(2, 2, 2), 0);
        ViewPlane plane = ViewPlane.oblique(new Vec3(1, 1, 1), new Vec3(1, -1, 0), new Vec3(1, 1, -2));
        List<Vec3> hexagon = cube.section(plane);
        assertEquals(Set.of(new Vec3(0, 1, 2), new Vec3(0, 2, 1), new Vec3(1, 0, 2), new Vec3(1, 2, 0),
                new Vec3(2, 0, 1), new Vec3(2, 1, 0)), rounded(hexagon));
        for (int i = 0; i < 6; i++) {
            assertEquals(Math.sqrt(2), hexagon.get(i).distance(hexagon.get((i + 1) % 6)), 1e-12, "side " + i);
        }
    }

    @Test
    void pointShowsWithinHalfASliceOfThePlane() {
        PointMarker p = PointMarker.of("p", new Vec3(3, 4, 2), 0xFF0000);
        assertTrue(p.shownOn(ViewPlane.axial(new Vec3(0, 0, 1)), 2));    // 1 mm away: exactly half, shown
        assertTrue(p.shownOn(ViewPlane.axial(new Vec3(0, 0, 2.9)), 2));
        assertTrue(!p.shownOn(ViewPlane.axial(new Vec3(0, 0, 3.01)), 2));
        assertTrue(!p.shownOn(ViewPlane.sagittal(new Vec3(5.5, 0, 0)), 3));
        assertTrue(p.shownOn(ViewPlane.sagittal(new Vec3(4.5, 0, 0)), 3));
    }
}
