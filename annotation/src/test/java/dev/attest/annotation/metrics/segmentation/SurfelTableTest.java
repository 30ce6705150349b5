package dev.attest.annotation.metrics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Surfel areas checked by hand geometry and against entries of DeepMind's published table (their bit order:
 * code bit 7 − (4i + 2j + k) for voxel (i, j, k); ours: bit i + 2j + 4k).
 */
class SurfelTableTest {

    @Test
    void aLoneCornerIsOneTriangleThroughThreeEdgeMidpoints() {
        double[] unit = SurfelTable.areas(1, 1, 1);
        assertEquals(Math.sqrt(3) / 8, unit[1], 1e-15);
        // With spacing (2, 1, 1) its corners are 1, 0.5 and 0.5 mm along the axes from the voxel corner:
        // half the cross product of (-1, 0.5, 0) and (-1, 0, 0.5), which is (0.25, 0.5, 0.5).
        double[] a = SurfelTable.areas(2, 1, 1);
        assertEquals(0.5 * Math.sqrt(0.25 * 0.25 + 0.5 * 0.5 + 0.5 * 0.5), a[1], 1e-15);
    }

    @Test
    void aFlatFaceCellHasTheFaceAreaAndAnEdgeCellADiagonalStrip() {
        double[] a = SurfelTable.areas(2, 1, 3);
        assertEquals(2 * 1, a[0b00001111], 1e-15, "four voxels of the z = 0 layer: a face of sx·sy");
        assertEquals(3 * 2, a[0b00110011], 1e-15, "four voxels of the y = 0 layer: a face of sx·sz");
        // Two voxels along x: a strip sx long across the diagonal of the (sy/2, sz/2) corner.
        assertEquals(2 * Math.hypot(0.5, 1.5), a[0b00000011], 1e-15);
    }

    @Test
    void threeVoxelsOnAFaceMatchDeepMindsTriangulatedPentagon() {
        // DeepMind entry 7, voxels (1,1,1), (1,1,0), (1,0,1): normals (0.5,0,0), (0.25,0.25,0.25), (0.125,...).
        double[] unit = SurfelTable.areas(1, 1, 1);
        int ours = (1 << (1 + 2 + 4)) | (1 << (1 + 2)) | (1 << (1 + 4));
        assertEquals(0.5 + Math.sqrt(3) / 4 + Math.sqrt(3) / 8, unit[ours], 1e-15);
        // With spacing (3, 2, 1) each normal scales by (sy·sz, sx·sz, sx·sy) = (2, 3, 6).
        double[] a = SurfelTable.areas(3, 2, 1);
        double expected = 0.5 * 2 + 0.25 * Math.sqrt(4 + 9 + 36) + 0.125 * Math.sqrt(4 + 9 + 36);
        assertEquals(expected, a[ours], 1e-12);
    }

    @Test
    void aCodeAndItsComplementHaveTheSameSurface() {
        double[] a = SurfelTable.areas(0.7, 1.3, 2.9);
        for (int code = 0; code < 256; code++) {
            assertEquals(a[code], a[255 - code], 1e-15, "code " + code);
        }
        assertEquals(0.0, a[0]);
    }

    @Test
    void contourLengthsIn2dFollowMarchingSquares() {
        double[] l = SurfelTable.lengths(2, 1);
        double diagonal = 0.5 * Math.hypot(2, 1);
        assertEquals(diagonal, l[0b0001], 1e-15);
        assertEquals(diagonal, l[0b0111], 1e-15);
        assertEquals(2.0, l[0b0011], 1e-15, "a row of two pixels: the contour runs along x");
        assertEquals(1.0, l[0b0101], 1e-15, "a column of two pixels: the contour runs along y");
        assertEquals(2 * diagonal, l[0b0110], 1e-15);
        assertEquals(0.0, l[0b1111]);
    }
}
