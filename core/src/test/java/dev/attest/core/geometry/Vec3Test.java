package dev.attest.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Vec3Test {

    @Test
    void crossProductOfRowAndColumnDirectionsGivesRightHandedSliceNormal() {
        Vec3 row = new Vec3(1, 0, 0);
        Vec3 column = new Vec3(0, 1, 0);
        assertEquals(new Vec3(0, 0, 1), row.cross(column));
        assertEquals(new Vec3(0, 0, -1), column.cross(row));
    }

    @Test
    void arithmeticAndNormAreExact() {
        Vec3 a = new Vec3(3, 4, 12);
        assertEquals(13.0, a.norm());
        assertEquals(new Vec3(3 / 13.0, 4 / 13.0, 12 / 13.0), a.normalized());
        assertEquals(new Vec3(4, 6, 15), a.add(new Vec3(1, 2, 3)));
        assertEquals(new Vec3(2, 2, 9), a.sub(new Vec3(1, 2, 3)));
        assertEquals(new Vec3(-6, -8, -24), a.scale(-2));
        assertEquals(3 + 8 + 36, a.dot(new Vec3(1, 2, 3)));
        assertEquals(12.0, a.get(2));
        assertEquals(5.0, new Vec3(0, 0, 0).distance(new Vec3(3, 4, 0)));
    }

    @Test
    void zeroVectorHasNoDirection() {
        assertThrows(ArithmeticException.class, Vec3.ZERO::normalized);
        assertThrows(IndexOutOfBoundsException.class, () -> Vec3.ZERO.get(3));
    }
}
