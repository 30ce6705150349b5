package dev.attest.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageGridTest {

    /** brainchop_t1_crop.nii.gz's voxel-to-RAS sform, as printed by nibabel 5.0 (img.affine). */
    private static final Affine BRAINCHOP_RAS = Affine.of(new double[][] {
        {-1, 0, 0, 127.5999984741211},
        {0, 0, 1, -133.48001098632812},
        {0, -1, 0, 134.47999572753906},
        {0, 0, 0, 1}});

    @Test
    void fromRasFlipsXAndYIntoLps() {
        ImageGrid grid = ImageGrid.fromRas(256, 256, 256, BRAINCHOP_RAS);
        assertArrayEquals(new double[] {
            1, 0, 0, -127.5999984741211,
            0, 0, -1, 133.48001098632812,
            0, -1, 0, 134.47999572753906,
            0, 0, 0, 1}, grid.indexToLps().toRowMajor());
        assertEquals(BRAINCHOP_RAS, grid.toRas());
    }

    @Test
    void orientationCodeNamesTheDirectionEachIndexAxisPointsTo() {
        assertEquals("LPS", new ImageGrid(2, 2, 2, Affine.identity()).orientationCode());
        assertEquals("RAS", new ImageGrid(2, 2, 2, Affine.diagonal(-3, -3, 3)).orientationCode());
        // nibabel.aff2axcodes(img.affine) gives ('L', 'I', 'A') for brainchop_t1_crop.nii.gz.
        assertEquals("LIA", ImageGrid.fromRas(256, 256, 256, BRAINCHOP_RAS).orientationCode());
        // A coronal DICOM grid: rows run to the patient's left, columns to the feet, slices to posterior.
        Affine coronal = Affine.fromColumns(new Vec3(0.5, 0, 0), new Vec3(0, 0, -0.5), new Vec3(0, 3, 0), Vec3.ZERO);
        assertEquals("LIP", new ImageGrid(2, 2, 2, coronal).orientationCode());
    }

    @Test
    void orientationCodeOfAnObliqueGridUsesTheClosestAxesOnce() {
        // 40 degrees about z mixes L and P in both in-plane axes; each must still get its own letter.
        double t = Math.toRadians(40);
        Affine oblique = Affine.fromColumns(
                new Vec3(Math.cos(t), Math.sin(t), 0), new Vec3(-Math.sin(t), Math.cos(t), 0), new Vec3(0, 0, 1), Vec3.ZERO);
        assertEquals("LPS", new ImageGrid(2, 2, 2, oblique).orientationCode());
        double u = Math.toRadians(50);
        Affine past45 = Affine.fromColumns(
                new Vec3(Math.cos(u), Math.sin(u), 0), new Vec3(-Math.sin(u), Math.cos(u), 0), new Vec3(0, 0, 1), Vec3.ZERO);
        assertEquals("PRS", new ImageGrid(2, 2, 2, past45).orientationCode());
    }

    @Test
    void spacingOriginAndDirectionsComeFromTheAffineColumns() {
        ImageGrid grid = new ImageGrid(512, 512, 54, AffineTest.gantryTilted());
        double shift = 2.5 * Math.tan(Math.toRadians(18.5));
        assertEquals(new Vec3(0.48828125, 0.48828125, Math.hypot(shift, 2.5)), grid.spacing());
        assertEquals(new Vec3(-125, -140.5, 30), grid.origin());
        assertEquals(new Vec3(1, 0, 0), grid.axisDirection(0));
        assertEquals(Math.cos(Math.toRadians(18.5)), grid.axisDirection(2).z(), 1e-15);
        assertEquals(512L * 512 * 54, grid.voxelCount());
    }

    @Test
    void gantryTiltedGridIsNotOrthogonal() {
        assertFalse(new ImageGrid(512, 512, 54, AffineTest.gantryTilted()).isOrthogonal(1e-3));
        assertTrue(ImageGrid.fromRas(256, 256, 256, BRAINCHOP_RAS).isOrthogonal(1e-12));
    }

    @Test
    void lpsToIndexInvertsIndexToLpsOnTiltedGrid() {
        ImageGrid grid = new ImageGrid(512, 512, 54, AffineTest.gantryTilted());
        Vec3 lps = grid.indexToLps().apply(100, 200, 30);
        Vec3 index = grid.lpsToIndex().apply(lps);
        assertEquals(100, index.x(), 1e-10);
        assertEquals(200, index.y(), 1e-10);
        assertEquals(30, index.z(), 1e-10);
    }

    @Test
    void sameGeometryComparesEveryVoxelCentreNotOnlyTheOrigin() {
        ImageGrid a = new ImageGrid(512, 512, 100, Affine.diagonal(0.5, 0.5, 2));
        ImageGrid shifted = new ImageGrid(512, 512, 100, Affine.fromColumns(
                new Vec3(0.5, 0, 0), new Vec3(0, 0.5, 0), new Vec3(0, 0, 2), new Vec3(0.05, 0, 0)));
        assertTrue(a.sameGeometry(shifted, 0.1));
        assertFalse(a.sameGeometry(shifted, 0.01));
        // Same origin, spacing differing by 0.001 mm: the far corner is 0.511 mm away.
        ImageGrid stretched = new ImageGrid(512, 512, 100, Affine.diagonal(0.501, 0.5, 2));
        assertFalse(a.sameGeometry(stretched, 0.1));
        assertTrue(a.sameGeometry(stretched, 0.52));
        assertFalse(a.sameGeometry(new ImageGrid(512, 512, 99, Affine.diagonal(0.5, 0.5, 2)), 1));
    }

    @Test
    void refusesEmptyOrCollapsedGrids() {
        assertThrows(IllegalArgumentException.class, () -> new ImageGrid(0, 1, 1, Affine.identity()));
        Affine flat = Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 0), Vec3.ZERO);
        assertThrows(ArithmeticException.class, () -> new ImageGrid(2, 2, 2, flat));
    }

    @Test
    void equalGridsAreEqual() {
        assertEquals(ImageGrid.fromRas(256, 256, 256, BRAINCHOP_RAS), ImageGrid.fromRas(256, 256, 256, BRAINCHOP_RAS));
    }
}
