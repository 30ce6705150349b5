package dev.attest.inference.run;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The network grid: MONAI's voxel count rule, its float32 exception, and reorientation by flips. */
class NetworkGridPlannerTest {
    private static ImageGrid lps(int n, int m, int k, double sx, double sy, double sz) {
        return new ImageGrid(n, m, k, Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0), new Vec3(0, 0, sz),
                new Vec3(-178.5, -178.5, -148.75)));
    }

    @Test
    void countsVoxelsAsMonaisSpacingDoesWithHalvesToEven() {
        // (256 - 1) * 1.5 / 6 = 63.75 -> 64, + 1
        assertEquals(65, NetworkGridPlanner.plan(lps(256, 256, 120, 1.5, 1.5, 2.5), new double[] {6, 6, 6}, null).sizeX());
        // (120 - 1) * 2.5 / 6 = 49.583 -> 50, + 1
        assertEquals(51, NetworkGridPlanner.plan(lps(256, 256, 120, 1.5, 1.5, 2.5), new double[] {6, 6, 6}, null).sizeZ());
        // (256 - 1) * 1.4 / 6 = 59.5 exactly -> 60 (half to even), + 1
        assertEquals(61, NetworkGridPlanner.plan(lps(256, 256, 120, 1.4, 1.4, 2.5), new double[] {6, 6, 6}, null).sizeX());
        // (6 - 1) * 3 / 6 = 2.5 -> 2 (half to even), + 1
        assertEquals(3, NetworkGridPlanner.plan(lps(6, 6, 6, 3, 3, 3), new double[] {6, 6, 6}, null).sizeX());
    }

    @Test
    void aSpacingStoredAsFloat32PlansTheSameGridAsItsDecimalValue() {
        double float32 = (float) 1.4; // 1.39999997615814..., what a NIfTI header holds for 1.4 mm
        ImageGrid fromNifti = NetworkGridPlanner.plan(lps(256, 256, 120, float32, float32, 2.5), new double[] {6, 6, 6}, null);
        ImageGrid fromDicom = NetworkGridPlanner.plan(lps(256, 256, 120, 1.4, 1.4, 2.5), new double[] {6, 6, 6}, null);
        assertEquals(fromDicom.sizeX(), fromNifti.sizeX());
        assertEquals(61, fromNifti.sizeY(), "without the snap, 59.49999990 rounds to 59 and the grid has 60 voxels");
        assertEquals(6.0, fromNifti.spacing().x(), 1e-12);
    }

    @Test
    void snapsOnlyWhatStorageRoundingCanExplain() {
        assertEquals(59.5, StorageRounding.snapped(59.49999990));
        assertEquals(59.5, StorageRounding.snapped(59.50000005));
        assertEquals(60.0, StorageRounding.snapped(59.99999999));
        assertEquals(59.4999, StorageRounding.snapped(59.4999));
        assertEquals(0.3, StorageRounding.snapped(0.3));
    }

    @Test
    void reorientingFlipsAxesAboutTheLastVoxelWithoutResampling() {
        // Stored RAS-wise: +i to the patient's right (-x in LPS), +j anterior (-y), +k superior.
        ImageGrid ras = new ImageGrid(10, 8, 4, Affine.fromColumns(new Vec3(-2, 0, 0), new Vec3(0, -3, 0),
                new Vec3(0, 0, 5), new Vec3(50, 40, 0)));
        ImageGrid g = NetworkGridPlanner.plan(ras, null, "LPS");
        assertEquals(10, g.sizeX());
        assertEquals(8, g.sizeY());
        same(new Vec3(50 - 2 * 9, 40 - 3 * 7, 0), g.indexToLps().translation());
        same(new Vec3(2, 0, 0), g.indexToLps().column(0));
        same(new Vec3(0, 3, 0), g.indexToLps().column(1));
        assertThrows(IllegalArgumentException.class, () -> NetworkGridPlanner.plan(ras, null, "LLS"));
        assertThrows(IllegalArgumentException.class, () -> NetworkGridPlanner.plan(ras, new double[] {0, 1, 1}, null));
    }

    @Test
    void labelsComeBackFromTheSameNetworkVoxelWhateverTheFileFormat() {
        // Source voxel 15 lies at network coordinate 15 * 1.4 / 6 = 3.5: a tie between network voxels 3 and 4,
        // which storage rounding decided (3.4999999 with float32 spacing) before the snap.
        short[] net = new short[61];
        for (int x = 0; x < net.length; x++) {
            net[x] = (short) x;
        }
        ImageGrid network = NetworkGridPlanner.plan(lps(256, 1, 1, 1.4, 1, 1), new double[] {6, 1, 1}, null);
        double float32 = (float) 1.4;
        short[][] back = new short[2][256];
        GridResampler.nearest(net, network, lps(256, 1, 1, 1.4, 1, 1), (i, v) -> back[0][i] = (short) v);
        ImageGrid nifti = lps(256, 1, 1, float32, 1, 1);
        GridResampler.nearest(net, NetworkGridPlanner.plan(nifti, new double[] {6, 1, 1}, null), nifti,
                (i, v) -> back[1][i] = (short) v);
        assertEquals(4, back[0][15], "a half goes up");
        assertEquals(4, back[1][15]);
        assertEquals(java.util.Arrays.toString(back[0]), java.util.Arrays.toString(back[1]));
    }

    /** Equal to the last bit but for the sign of zero, which a flip gives. */
    private static void same(Vec3 expected, Vec3 actual) {
        assertEquals(expected.x(), actual.x(), 0, actual.toString());
        assertEquals(expected.y(), actual.y(), 0, actual.toString());
        assertEquals(expected.z(), actual.z(), 0, actual.toString());
    }
}
