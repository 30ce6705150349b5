package dev.attest.viewer.volume3d;

import java.util.Arrays;

/** The range and 1st / 99th percentiles of a volume's physical values, for presets and default windows. */
public record ValueStatistics(double min, double max, double p01, double p99) {

    /** Aim for about this many voxels; a regular subsample estimates percentiles well at a fraction of the cost. */
    private static final long SAMPLE_TARGET = 1 << 20;

    static ValueStatistics of(VoxelField field, BrickRanges bricks) {
        long total = (long) field.nx * field.ny * field.nz;
        long stride = Math.max(1, total / SAMPLE_TARGET);
        int count = (int) ((total + stride - 1) / stride);
        float[] values = new float[count];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        long sliceLength = (long) field.nx * field.ny;
        for (long i = 0; i < total; i += stride) {
            int z = (int) (i / sliceLength);
            int rest = (int) (i % sliceLength);
            double v = field.voxel(rest % field.nx, rest / field.nx, z);
            values[n++] = (float) v;
        }
        // Min and max over every voxel (from the bricks), since one bright voxel matters for a MIP window.
        min = bricks.overallMin();
        max = bricks.overallMax();
        Arrays.sort(values, 0, n);
        return new ValueStatistics(min, max, values[(int) Math.floor(0.01 * (n - 1))], values[(int) Math.ceil(0.99 * (n - 1))]);
    }
}
