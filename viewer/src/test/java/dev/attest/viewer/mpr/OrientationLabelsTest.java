package dev.attest.viewer.mpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

class OrientationLabelsTest {

    private static final Vec3 C = new Vec3(10, -20, 30);

    @Test
    void axialViewShowsPatientRightOnTheLeftAndAnteriorAtTheTop() {
        assertEquals(new OrientationLabels("R", "L", "A", "P"), OrientationLabels.of(ViewPlane.axial(C)));
        assertEquals(new Vec3(0, 0, 1), ViewPlane.axial(C).normal());
    }

    @Test
    void coronalViewShowsSuperiorAtTheTop() {
        assertEquals(new OrientationLabels("R", "L", "S", "I"), OrientationLabels.of(ViewPlane.coronal(C)));
        assertEquals(new Vec3(0, 1, 0), ViewPlane.coronal(C).normal());
    }

    @Test
    void sagittalViewShowsAnteriorOnTheLeft() {
        assertEquals(new OrientationLabels("A", "P", "S", "I"), OrientationLabels.of(ViewPlane.sagittal(C)));
        assertEquals(new Vec3(-1, 0, 0), ViewPlane.sagittal(C).normal());
    }

    @Test
    void obliqueViewNamesBothStrongAxesStrongestFirst() {
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        ViewPlane plane = ViewPlane.oblique(C, new Vec3(c, s, 0), new Vec3(0, 0, -1));
        assertEquals(new OrientationLabels("RA", "LP", "S", "I"), OrientationLabels.of(plane));
        ViewPlane steep = ViewPlane.oblique(C, new Vec3(s, c, 0), new Vec3(0, 0, -1));
        assertEquals(new OrientationLabels("AR", "PL", "S", "I"), OrientationLabels.of(steep));
    }

    @Test
    void slightTiltKeepsASingleLetter() {
        double t = Math.toRadians(10);
        ViewPlane plane = ViewPlane.oblique(C, new Vec3(Math.cos(t), 0, Math.sin(t)), new Vec3(0, 1, 0));
        assertEquals(new OrientationLabels("R", "L", "A", "P"), OrientationLabels.of(plane));
    }

    @Test
    void threeComparableComponentsGiveThreeLetters() {
        assertEquals("LPS", OrientationLabels.letters(new Vec3(0.7, 0.6, 0.5)));
        assertEquals("IAR", OrientationLabels.letters(new Vec3(-0.5, -0.6, -0.7)));
    }

    @Test
    void obliqueFactoryOrthonormalisesAndRefusesParallelDirections() {
        ViewPlane plane = ViewPlane.oblique(C, new Vec3(2, 0, 0), new Vec3(1, 3, 0));
        assertEquals(new Vec3(1, 0, 0), plane.right());
        assertEquals(new Vec3(0, 1, 0), plane.down());
        assertThrows(IllegalArgumentException.class, () -> ViewPlane.oblique(C, new Vec3(1, 0, 0), new Vec3(2, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new ViewPlane(C, new Vec3(1, 0, 0), new Vec3(1, 1, 0)));
    }
}
