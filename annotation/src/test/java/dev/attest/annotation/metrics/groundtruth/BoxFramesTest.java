package dev.attest.annotation.metrics.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two boxes stored without an image: could one grid have placed both? */
class BoxFramesTest {

    /** A grid rotated 30° about z with spacing (0.8, 0.8, 2.5), as an oblique-plane MR acquisition might be. */
    private static final ImageGrid ROTATED = rotated(new Vec3(10, -40, 7));

    private static ImageGrid rotated(Vec3 origin) {
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        return new ImageGrid(64, 64, 20, Affine.fromColumns(new Vec3(0.8 * c, 0.8 * s, 0), new Vec3(-0.8 * s, 0.8 * c, 0),
                new Vec3(0, 0, 2.5), origin));
    }

    /** A box with its corner voxel centres on grid, rounded to the micrometre as projects store them. */
    private static BoxGeometry box(ImageGrid grid, int x0, int y0, int z0, int x1, int y1, int z1) {
        return new BoxGeometry(null, new VoxelBox(x0, y0, z0, x1 + 1, y1 + 1, z1 + 1), round(grid.indexToLps().apply(x0, y0, z0)),
                round(grid.indexToLps().apply(x1, y1, z1)));
    }

    private static Vec3 round(Vec3 v) {
        return new Vec3(Math.round(v.x() * 1000) / 1000.0, Math.round(v.y() * 1000) / 1000.0,
                Math.round(v.z() * 1000) / 1000.0);
    }

    @Test
    void boxesOfOneRotatedGridFitIt() {
        assertTrue(BoxFrames.couldShareAGrid(box(ROTATED, 10, 12, 3, 20, 25, 6), box(ROTATED, 14, 10, 4, 22, 21, 9)));
        // One-slice boxes leave the slice spacing unknown; still one grid.
        assertTrue(BoxFrames.couldShareAGrid(box(ROTATED, 10, 12, 3, 20, 25, 3), box(ROTATED, 11, 13, 3, 19, 26, 3)));
    }

    @Test
    void aBoxFromAGridShiftedByOneVoxelDoesNot() {
        ImageGrid shifted = rotated(ROTATED.indexToLps().apply(1, 0, 0));
        assertFalse(BoxFrames.couldShareAGrid(box(ROTATED, 10, 12, 3, 20, 25, 6), box(shifted, 14, 10, 4, 22, 21, 9)));
    }

    @Test
    void aBoxFromAResampledGridDoesNot() {
        ImageGrid finer = new ImageGrid(128, 128, 20, Affine.fromColumns(ROTATED.indexToLps().column(0).scale(0.5),
                ROTATED.indexToLps().column(1).scale(0.5), ROTATED.indexToLps().column(2), ROTATED.origin()));
        assertFalse(BoxFrames.couldShareAGrid(box(ROTATED, 10, 12, 3, 20, 25, 6), box(finer, 14, 10, 4, 22, 21, 9)));
    }

    @Test
    void withoutLpsCornersNothingCanBeCheckedAndTheIndicesAreTrusted() {
        BoxGeometry bare = new BoxGeometry(null, new VoxelBox(0, 0, 0, 3, 3, 1), null, null);
        assertTrue(BoxFrames.couldShareAGrid(bare, box(ROTATED, 14, 10, 4, 22, 21, 9)));
    }

    @Test
    void leastSquaresRecoversSquaredSpacings() {
        // Distances² of three pairs along single axes and one diagonal of a (2, 3, 4) mm grid.
        double[] s2 = BoxFrames.leastSquares(List.of(new double[] {1, 0, 0}, new double[] {0, 4, 0},
                new double[] {0, 0, 1}, new double[] {1, 1, 1}), List.of(4.0, 36.0, 16.0, 29.0));
        assertEquals(4, s2[0], 1e-9);
        assertEquals(9, s2[1], 1e-9);
        assertEquals(16, s2[2], 1e-9);
    }
}
