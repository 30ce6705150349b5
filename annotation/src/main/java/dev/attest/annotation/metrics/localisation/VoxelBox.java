package dev.attest.annotation.metrics.localisation;

/**
 * A box of voxels, [x0, x1) × [y0, y1) × [z0, z1) in voxel indices of the image grid (a 2D box has
 * z1 = z0 + 1).
 */
public record VoxelBox(int x0, int y0, int z0, int x1, int y1, int z1) {

    public VoxelBox {
        if (x1 < x0 || y1 < y0 || z1 < z0) {
            throw new IllegalArgumentException("a box ends before it starts: [" + x0 + ", " + x1 + ") x [" + y0 + ", "
                    + y1 + ") x [" + z0 + ", " + z1 + ")");
        }
    }

    public long voxels() {
        return (long) (x1 - x0) * (y1 - y0) * (z1 - z0);
    }

    /** The voxels in both boxes. */
    public long overlap(VoxelBox other) {
        long dx = Math.max(0, Math.min(x1, other.x1) - Math.max(x0, other.x0));
        long dy = Math.max(0, Math.min(y1, other.y1) - Math.max(y0, other.y0));
        long dz = Math.max(0, Math.min(z1, other.z1) - Math.max(z0, other.z0));
        return dx * dy * dz;
    }

    public boolean contains(int x, int y, int z) {
        return x >= x0 && x < x1 && y >= y0 && y < y1 && z >= z0 && z < z1;
    }
}
