package dev.attest.viewer.fx;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/** Small synthetic volumes whose every drawn pixel can be worked out by hand. */
final class SliceViewFixtures {

    /** 64 × 64 × 40 voxels of 2 mm, voxel (0, 0, 0) at LPS (−63, −63, −39): the grid of the view tests. */
    static final ImageGrid GRID = new ImageGrid(64, 64, 40, Affine.fromColumns(new Vec3(2, 0, 0), new Vec3(0, 2, 0),
            new Vec3(0, 0, 2), new Vec3(-63, -63, -39)));

    private SliceViewFixtures() {
    }

    /** Patient left (x > 0) +1000, patient right −1000. */
    static Volume leftBright() {
        Volume v = Volume.allocate(GRID, VoxelType.INT16);
        for (int z = 0; z < 40; z++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    v.setStored(x, y, z, x >= 32 ? 1000 : -1000);
                }
            }
        }
        return v;
    }

    /** Every voxel 0. */
    static Volume flat() {
        return Volume.allocate(GRID, VoxelType.INT16);
    }
}
