package dev.attest.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AffineTest {

    /**
     * A CT acquired with an 18.5 degree gantry tilt: in-plane axes are orthogonal, but each slice is
     * shifted along y in proportion to its position along z, so the k axis is sheared.
     */
    static Affine gantryTilted() {
        double pixel = 0.48828125;
        double sliceStep = 2.5;
        double shift = sliceStep * Math.tan(Math.toRadians(18.5));
        return Affine.fromColumns(
                new Vec3(pixel, 0, 0), new Vec3(0, pixel, 0), new Vec3(0, shift, sliceStep),
                new Vec3(-125, -140.5, 30));
    }

    @Test
    void invertsShearedGantryTiltAffineInClosedForm() {
        Affine a = gantryTilted();
        Affine inv = a.inverse();
        double pixel = 0.48828125;
        double shift = 2.5 * Math.tan(Math.toRadians(18.5));
        // For [[p,0,0],[0,p,s],[0,0,d]] the inverse is [[1/p,0,0],[0,1/p,-s/(p d)],[0,0,1/d]].
        assertEquals(1 / pixel, inv.get(0, 0), 1e-12);
        assertEquals(1 / pixel, inv.get(1, 1), 1e-12);
        assertEquals(-shift / (pixel * 2.5), inv.get(1, 2), 1e-12);
        assertEquals(1 / 2.5, inv.get(2, 2), 1e-12);
        assertEquals(0.0, inv.get(2, 1));
        assertTrue(a.multiply(inv).maxAbsDifference(Affine.identity()) < 1e-13);
        assertTrue(inv.multiply(a).maxAbsDifference(Affine.identity()) < 1e-13);
        Vec3 voxel = new Vec3(511, 7, 53);
        assertTrue(inv.apply(a.apply(voxel)).distance(voxel) < 1e-10);
    }

    @Test
    void inverseIsNotTheTransposeForShearedAxes() {
        Affine a = gantryTilted();
        Affine transposeGuess = Affine.fromColumns(
                new Vec3(a.get(0, 0), a.get(0, 1), a.get(0, 2)),
                new Vec3(a.get(1, 0), a.get(1, 1), a.get(1, 2)),
                new Vec3(a.get(2, 0), a.get(2, 1), a.get(2, 2)), Vec3.ZERO);
        assertTrue(a.inverse().maxAbsDifference(transposeGuess) > 0.1);
    }

    @Test
    void refusesToInvertASingularMatrix() {
        Affine flat = Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(1, 1, 0), Vec3.ZERO);
        assertThrows(ArithmeticException.class, flat::inverse);
    }

    @Test
    void multiplyAppliesTheRightOperandFirst() {
        Affine scale = Affine.diagonal(2, 3, 4);
        Affine shift = Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), new Vec3(10, 20, 30));
        assertEquals(new Vec3(12, 23, 34), shift.multiply(scale).apply(1, 1, 1));
        assertEquals(new Vec3(22, 63, 124), scale.multiply(shift).apply(1, 1, 1));
    }

    @Test
    void directionsIgnoreTranslation() {
        Affine a = gantryTilted();
        assertEquals(a.column(2), a.applyDirection(new Vec3(0, 0, 1)));
        assertEquals(a.translation(), a.apply(0, 0, 0));
        assertEquals(new Vec3(-125, -140.5, 30), a.column(3));
    }

    @Test
    void ofRequiresTheHomogeneousLastRow() {
        double[][] bad = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 1}};
        assertThrows(IllegalArgumentException.class, () -> Affine.of(bad));
        double[][] threeRows = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
        assertThrows(IllegalArgumentException.class, () -> Affine.of(threeRows));
        double[][] nan = {{Double.NaN, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        assertThrows(IllegalArgumentException.class, () -> Affine.of(nan));
    }

    @Test
    void rowMajorRoundTripsThroughOf() {
        double[][] rows = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11.5, 12}, {0, 0, 0, 1}};
        Affine a = Affine.of(rows);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11.5, 12, 0, 0, 0, 1}, a.toRowMajor());
        assertEquals(7.0, a.get(1, 2));
        assertEquals(new Vec3(3, 7, 11.5), a.column(2));
        assertEquals(-2.0, a.determinant(), 1e-12);
    }

    @Test
    void negativeZeroEqualsZeroSoHeaderSignNoiseDoesNotBreakEquality() {
        Affine withNegativeZero = Affine.of(new double[][] {{-0.0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        Affine plain = Affine.of(new double[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        assertEquals(plain, withNegativeZero);
        assertEquals(plain.hashCode(), withNegativeZero.hashCode());
        assertNotEquals(plain, Affine.identity());
        assertEquals(0.0, plain.maxAbsDifference(withNegativeZero));
    }
}
