package dev.attest.inference.run;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;

/**
 * Moves voxel values between two grids placed in the same patient space: trilinear for intensities
 * and probability maps, nearest voxel (ties rounded up) for labels. A target voxel whose centre
 * falls outside the source takes the value at the nearest edge (border clamping), so the edges of
 * a grid that spans the same extent are not darkened.
 */
public final class GridResampler {

    private GridResampler() {
    }

    /** Resamples src (z-slowest flat array on srcGrid) trilinearly onto dst, returning dst's flat array. */
    public static float[] trilinear(float[] src, ImageGrid srcGrid, ImageGrid dstGrid) {
        float[] out = new float[Math.toIntExact(dstGrid.voxelCount())];
        trilinear(src, srcGrid, dstGrid, (i, v) -> out[i] = v);
        return out;
    }

    /** Receives resampled values by flat index; lets callers write straight into a Volume's slices. */
    @FunctionalInterface
    public interface Target {
        void set(int flatIndex, float value);
    }

    /** Trilinear resampling into any target; flat index i = (z · sizeY + y) · sizeX + x of dstGrid. */
    public static void trilinear(float[] src, ImageGrid srcGrid, ImageGrid dstGrid, Target target) {
        if (srcGrid.equals(dstGrid)) {
            for (int i = 0; i < src.length; i++) {
                target.set(i, src[i]);
            }
            return;
        }
        Affine m = srcGrid.lpsToIndex().multiply(dstGrid.indexToLps());
        int sx = srcGrid.sizeX();
        int sy = srcGrid.sizeY();
        int sz = srcGrid.sizeZ();
        int nx = dstGrid.sizeX();
        int ny = dstGrid.sizeY();
        int nz = dstGrid.sizeZ();
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double fx = clamp(m.get(0, 0) * x + m.get(0, 1) * y + m.get(0, 2) * z + m.get(0, 3), sx);
                    double fy = clamp(m.get(1, 0) * x + m.get(1, 1) * y + m.get(1, 2) * z + m.get(1, 3), sy);
                    double fz = clamp(m.get(2, 0) * x + m.get(2, 1) * y + m.get(2, 2) * z + m.get(2, 3), sz);
                    int x0 = Math.min((int) fx, sx - 1);
                    int y0 = Math.min((int) fy, sy - 1);
                    int z0 = Math.min((int) fz, sz - 1);
                    int x1 = Math.min(x0 + 1, sx - 1);
                    int y1 = Math.min(y0 + 1, sy - 1);
                    int z1 = Math.min(z0 + 1, sz - 1);
                    double tx = fx - x0;
                    double ty = fy - y0;
                    double tz = fz - z0;
                    int p00 = (z0 * sy + y0) * sx;
                    int p01 = (z0 * sy + y1) * sx;
                    int p10 = (z1 * sy + y0) * sx;
                    int p11 = (z1 * sy + y1) * sx;
                    double c00 = src[p00 + x0] + (src[p00 + x1] - (double) src[p00 + x0]) * tx;
                    double c01 = src[p01 + x0] + (src[p01 + x1] - (double) src[p01 + x0]) * tx;
                    double c10 = src[p10 + x0] + (src[p10 + x1] - (double) src[p10 + x0]) * tx;
                    double c11 = src[p11 + x0] + (src[p11 + x1] - (double) src[p11 + x0]) * tx;
                    double c0 = c00 + (c01 - c00) * ty;
                    double c1 = c10 + (c11 - c10) * ty;
                    target.set(i++, (float) (c0 + (c1 - c0) * tz));
                }
            }
        }
    }

    /** Resamples a label array (values 0..32767) by nearest voxel. */
    public static void nearest(short[] srcLabels, ImageGrid srcGrid, ImageGrid dstGrid, IntTarget target) {
        Affine m = srcGrid.lpsToIndex().multiply(dstGrid.indexToLps());
        boolean same = srcGrid.equals(dstGrid);
        int sx = srcGrid.sizeX();
        int sy = srcGrid.sizeY();
        int sz = srcGrid.sizeZ();
        int i = 0;
        for (int z = 0; z < dstGrid.sizeZ(); z++) {
            for (int y = 0; y < dstGrid.sizeY(); y++) {
                for (int x = 0; x < dstGrid.sizeX(); x++) {
                    if (same) {
                        target.set(i, srcLabels[i]);
                        i++;
                        continue;
                    }
                    int ix = round(m.get(0, 0) * x + m.get(0, 1) * y + m.get(0, 2) * z + m.get(0, 3), sx);
                    int iy = round(m.get(1, 0) * x + m.get(1, 1) * y + m.get(1, 2) * z + m.get(1, 3), sy);
                    int iz = round(m.get(2, 0) * x + m.get(2, 1) * y + m.get(2, 2) * z + m.get(2, 3), sz);
                    target.set(i++, srcLabels[(iz * sy + iy) * sx + ix]);
                }
            }
        }
    }

    /** Receives nearest-voxel label values by flat index. */
    @FunctionalInterface
    public interface IntTarget {
        void set(int flatIndex, int value);
    }

    private static double clamp(double v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }

    /** The nearest voxel, a half going up; a coordinate within storage rounding of a half counts as the half. */
    private static int round(double v, int n) {
        int r = (int) Math.floor(StorageRounding.snapped(v) + 0.5);
        return r < 0 ? 0 : Math.min(r, n - 1);
    }
}
