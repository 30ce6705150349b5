package dev.attest.viewer.volume3d;

import java.util.stream.IntStream;

/**
 * The minimum and maximum physical value in each 8×8×8 brick of voxels, so the ray caster can
 * skip samples that cannot matter (empty-space leaping): a MIP sample in a brick whose maximum
 * does not beat the ray's best, a composite sample in a brick the transfer function leaves
 * fully transparent. Each brick's range also covers the next voxel along every axis, because a
 * trilinear sample in the brick's last cell reads it.
 */
final class BrickRanges {
    static final int SHIFT = 3;
    static final int SIZE = 1 << SHIFT;

    final int bx;
    final int by;
    final int bz;
    final double[] min;
    final double[] max;

    BrickRanges(VoxelField field) {
        bx = (field.nx + SIZE - 1) >> SHIFT;
        by = (field.ny + SIZE - 1) >> SHIFT;
        bz = (field.nz + SIZE - 1) >> SHIFT;
        min = new double[bx * by * bz];
        max = new double[bx * by * bz];
        IntStream.range(0, bz).parallel().forEach(k -> {
            for (int j = 0; j < by; j++) {
                for (int i = 0; i < bx; i++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (int z = k * SIZE; z <= Math.min((k + 1) * SIZE, field.nz - 1); z++) {
                        for (int y = j * SIZE; y <= Math.min((j + 1) * SIZE, field.ny - 1); y++) {
                            for (int x = i * SIZE; x <= Math.min((i + 1) * SIZE, field.nx - 1); x++) {
                                double v = field.voxel(x, y, z);
                                lo = Math.min(lo, v);
                                hi = Math.max(hi, v);
                            }
                        }
                    }
                    int b = (k * by + j) * bx + i;
                    min[b] = lo;
                    max[b] = hi;
                }
            }
        });
    }

    /** The brick holding the cell of clamped index (x, y, z). */
    int index(double x, double y, double z) {
        return ((((int) z >> SHIFT) * by) + ((int) y >> SHIFT)) * bx + ((int) x >> SHIFT);
    }

    double overallMin() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : min) {
            m = Math.min(m, v);
        }
        return m;
    }

    double overallMax() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : max) {
            m = Math.max(m, v);
        }
        return m;
    }
}
