package dev.attest.viewer.measure;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.SliceImage;
import java.util.function.ToDoubleFunction;

/** Small synthetic volumes whose values are known everywhere, for exact expected statistics. */
final class TestVolumes {

    private TestVolumes() {
    }

    /**
     * 40 x 30 x 10 voxels of 1.5 x 1.5 x 3 mm, axis-aligned, voxel (0, 0, 0) centred at
     * (-30, -20, -15): voxel centres x = -30 + 1.5 i, y = -20 + 1.5 j, z = -15 + 3 k.
     */
    static ImageGrid grid() {
        return new ImageGrid(40, 30, 10, Affine.fromColumns(new Vec3(1.5, 0, 0), new Vec3(0, 1.5, 0),
                new Vec3(0, 0, 3), new Vec3(-30, -20, -15)));
    }

    /** f(x, y, z) = 2x - 3y + 0.5z + 7 at every voxel centre (exact in float32 on this grid). */
    static double linear(Vec3 p) {
        return 2 * p.x() - 3 * p.y() + 0.5 * p.z() + 7;
    }

    /** A FLOAT32 volume in HU holding f at each voxel centre. */
    static Volume field(ToDoubleFunction<Vec3> f) {
        ImageGrid grid = grid();
        Volume v = Volume.allocate(grid, VoxelType.FLOAT32);
        v.properties().put(SliceImage.UNIT_PROPERTY, "HU");
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    v.setStored(x, y, z, f.applyAsDouble(grid.indexToLps().apply(x, y, z)));
                }
            }
        }
        return v;
    }
}
