package dev.attest.viewer.volume3d;

import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * Physical voxel values in a form the ray caster can read fast: the volume's own 16-bit slice
 * arrays when the rescale is uniform (no copy), otherwise a float32 copy of the physical values.
 * Sampling is trilinear at fractional voxel indices that the caller has clamped to the grid.
 */
abstract sealed class VoxelField permits VoxelField.Shorts, VoxelField.Floats {
    /**
     * Stored units added to a 16-bit cell's extreme corner before comparing: interpolating values
     * below 2^16 errs by under 1e-10, so the bound stays above every value of the cell.
     */
    static final double MARGIN = 1e-6;
    /**
     * The same for float cells, relative to the corners' largest magnitude: their differences are
     * rounded to float (~6e-8 of it), the rest in double.
     */
    static final double RELATIVE_MARGIN = 1e-6;

    final int nx;
    final int ny;
    final int nz;

    VoxelField(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
    }

    /** Wraps or copies the volume's values, loading lazy slices. */
    static VoxelField of(Volume volume) {
        int nx = volume.grid().sizeX();
        int ny = volume.grid().sizeY();
        int nz = volume.grid().sizeZ();
        VoxelType type = volume.type();
        if ((type == VoxelType.INT16 || type == VoxelType.UINT16) && volume.hasUniformRescale()) {
            short[][] slices = new short[nz][];
            for (int z = 0; z < nz; z++) {
                slices[z] = (short[]) volume.sliceArray(z);
            }
            return new Shorts(nx, ny, nz, slices, type == VoxelType.UINT16, volume.rescale().slope(), volume.rescale().intercept());
        }
        if (type == VoxelType.FLOAT32 && volume.hasUniformRescale()
                && volume.rescale().slope() == 1 && volume.rescale().intercept() == 0) {
            float[][] slices = new float[nz][];
            for (int z = 0; z < nz; z++) {
                slices[z] = (float[]) volume.sliceArray(z);
            }
            return new Floats(nx, ny, nz, slices);
        }
        float[][] slices = new float[nz][];
        for (int z = 0; z < nz; z++) {
            float[] s = new float[nx * ny];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    s[y * nx + x] = (float) volume.getPhysical(x, y, z);
                }
            }
            slices[z] = s;
        }
        return new Floats(nx, ny, nz, slices);
    }

    /** Physical value at voxel (x, y, z), all in range. */
    abstract double voxel(int x, int y, int z);

    /** Trilinear physical value at index (x, y, z), each already clamped to [0, n − 1]. */
    abstract double sample(double x, double y, double z);

    /**
     * The largest of best and the samples k..end of one ray in one brick, stopping early once best
     * reaches bound (the brick's maximum, which no later sample can beat): sample k lies at index
     * clamp(a + (k·step − phase)·b), exactly where {@link #sample} would be asked. One call walks a
     * whole run so that the per-sample loop is a single small compiled method. Each subclass writes
     * its own copy of this loop on purpose: inside it {@code sample} is a monomorphic call the JIT
     * inlines, which a shared loop in this class (calling an abstract sample) would not get.
     */
    abstract double maxAlong(double best, double bound, long k, long end, double ax, double ay, double az,
            double bx, double by, double bz, double step, double phase);

    /** The same for the smallest value, stopping once best is at most bound (the brick's minimum). */
    abstract double minAlong(double best, double bound, long k, long end, double ax, double ay, double az,
            double bx, double by, double bz, double step, double phase);

    /** c limited to [0, max]: sample positions are clamped to the outermost voxel centres. */
    static double clamp(double c, int max) {
        return c < 0 ? 0 : (c > max ? max : c);
    }

    /** True when every trilinear value in the cell of (x, y, z) is certainly below limit. */
    abstract boolean cellBelow(double x, double y, double z, double limit);

    /** 16-bit slices read in place, rescaled after interpolation (the rescale is linear, so this is exact). */
    static final class Shorts extends VoxelField {
        private final short[][] slices;
        private final int mask;
        private final double slope;
        private final double intercept;

        Shorts(int nx, int ny, int nz, short[][] slices, boolean unsigned, double slope, double intercept) {
            super(nx, ny, nz);
            this.slices = slices;
            // AND with 0xFFFF reads unsigned, with -1 keeps the sign.
            this.mask = unsigned ? 0xFFFF : -1;
            this.slope = slope;
            this.intercept = intercept;
        }

        @Override
        double voxel(int x, int y, int z) {
            return (slices[z][y * nx + x] & mask) * slope + intercept;
        }

        @Override
        double sample(double x, double y, double z) {
            int x0 = (int) x;
            int y0 = (int) y;
            int z0 = (int) z;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            short[] a = slices[z0];
            short[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            int m = mask;
            return rescale(lerpStored(a[i] & m, a[i + dx] & m, a[i + dy] & m, a[i + dy + dx] & m,
                    b[i] & m, b[i + dx] & m, b[i + dy] & m, b[i + dy + dx] & m, x - x0, y - y0, z - z0));
        }

        @Override
        double maxAlong(double best, double bound, long k, long end, double ax, double ay, double az,
                double bx, double by, double bz, double step, double phase) {
            int nx1 = nx - 1;
            int ny1 = ny - 1;
            int nz1 = nz - 1;
            for (; k <= end && bound > best; k++) {
                double t = k * step - phase;
                best = Math.max(best, sample(clamp(ax + t * bx, nx1), clamp(ay + t * by, ny1), clamp(az + t * bz, nz1)));
            }
            return best;
        }

        @Override
        double minAlong(double best, double bound, long k, long end, double ax, double ay, double az,
                double bx, double by, double bz, double step, double phase) {
            int nx1 = nx - 1;
            int ny1 = ny - 1;
            int nz1 = nz - 1;
            for (; k <= end && bound < best; k++) {
                double t = k * step - phase;
                best = Math.min(best, sample(clamp(ax + t * bx, nx1), clamp(ay + t * by, ny1), clamp(az + t * bz, nz1)));
            }
            return best;
        }

        @Override
        boolean cellBelow(double x, double y, double z, double limit) {
            int x0 = (int) x;
            int y0 = (int) y;
            int z0 = (int) z;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            short[] a = slices[z0];
            short[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            int m = mask;
            int c0 = a[i] & m;
            int c1 = a[i + dx] & m;
            int c2 = a[i + dy] & m;
            int c3 = a[i + dy + dx] & m;
            int c4 = b[i] & m;
            int c5 = b[i + dx] & m;
            int c6 = b[i + dy] & m;
            int c7 = b[i + dy + dx] & m;
            int extreme = slope >= 0 ? max8(c0, c1, c2, c3, c4, c5, c6, c7) : min8(c0, c1, c2, c3, c4, c5, c6, c7);
            return rescale(extreme + (slope >= 0 ? MARGIN : -MARGIN)) < limit;
        }

        private double rescale(double stored) {
            return stored * slope + intercept;
        }
    }

    /** Float slices, either the volume's own FLOAT32 arrays or a physical-value copy. */
    static final class Floats extends VoxelField {
        private final float[][] slices;

        Floats(int nx, int ny, int nz, float[][] slices) {
            super(nx, ny, nz);
            this.slices = slices;
        }

        @Override
        double voxel(int x, int y, int z) {
            return slices[z][y * nx + x];
        }

        @Override
        double sample(double x, double y, double z) {
            int x0 = (int) x;
            int y0 = (int) y;
            int z0 = (int) z;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            float[] a = slices[z0];
            float[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            return lerpFloats(a[i], a[i + dx], a[i + dy], a[i + dy + dx], b[i], b[i + dx], b[i + dy], b[i + dy + dx],
                    x - x0, y - y0, z - z0);
        }

        @Override
        double maxAlong(double best, double bound, long k, long end, double ax, double ay, double az,
                double bx, double by, double bz, double step, double phase) {
            int nx1 = nx - 1;
            int ny1 = ny - 1;
            int nz1 = nz - 1;
            for (; k <= end && bound > best; k++) {
                double t = k * step - phase;
                best = Math.max(best, sample(clamp(ax + t * bx, nx1), clamp(ay + t * by, ny1), clamp(az + t * bz, nz1)));
            }
            return best;
        }

        @Override
        double minAlong(double best, double bound, long k, long end, double ax, double ay, double az,
                double bx, double by, double bz, double step, double phase) {
            int nx1 = nx - 1;
            int ny1 = ny - 1;
            int nz1 = nz - 1;
            for (; k <= end && bound < best; k++) {
                double t = k * step - phase;
                best = Math.min(best, sample(clamp(ax + t * bx, nx1), clamp(ay + t * by, ny1), clamp(az + t * bz, nz1)));
            }
            return best;
        }

        @Override
        boolean cellBelow(double x, double y, double z, double limit) {
            int x0 = (int) x;
            int y0 = (int) y;
            int z0 = (int) z;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            float[] a = slices[z0];
            float[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            float c0 = a[i];
            float c1 = a[i + dx];
            float c2 = a[i + dy];
            float c3 = a[i + dy + dx];
            float c4 = b[i];
            float c5 = b[i + dx];
            float c6 = b[i + dy];
            float c7 = b[i + dy + dx];
            float hi = Math.max(Math.max(Math.max(c0, c1), Math.max(c2, c3)), Math.max(Math.max(c4, c5), Math.max(c6, c7)));
            float lo = Math.min(Math.min(Math.min(c0, c1), Math.min(c2, c3)), Math.min(Math.min(c4, c5), Math.min(c6, c7)));
            return hi + RELATIVE_MARGIN * Math.max(Math.abs(hi), Math.abs(lo)) < limit;
        }
    }

    /**
     * Trilinear interpolation of corners c0..c7 (x fastest, then y, then z) at fractions fx, fy,
     * fz; the one formula every sampling path uses, so skipping never changes a value.
     */
    static double lerpStored(double c0, double c1, double c2, double c3, double c4, double c5, double c6, double c7,
            double fx, double fy, double fz) {
        double a00 = c0 + (c1 - c0) * fx;
        double a10 = c2 + (c3 - c2) * fx;
        double b00 = c4 + (c5 - c4) * fx;
        double b10 = c6 + (c7 - c6) * fx;
        double av = a00 + (a10 - a00) * fy;
        double bv = b00 + (b10 - b00) * fy;
        return av + (bv - av) * fz;
    }

    /**
     * The same for float corners, differencing neighbours in float as the float path always has,
     * so its images stay as they were.
     */
    static double lerpFloats(float c0, float c1, float c2, float c3, float c4, float c5, float c6, float c7,
            double fx, double fy, double fz) {
        double a00 = c0 + (c1 - c0) * fx;
        double a10 = c2 + (c3 - c2) * fx;
        double b00 = c4 + (c5 - c4) * fx;
        double b10 = c6 + (c7 - c6) * fx;
        double av = a00 + (a10 - a00) * fy;
        double bv = b00 + (b10 - b00) * fy;
        return av + (bv - av) * fz;
    }

    static int max8(int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7) {
        return Math.max(Math.max(Math.max(c0, c1), Math.max(c2, c3)), Math.max(Math.max(c4, c5), Math.max(c6, c7)));
    }

    static int min8(int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7) {
        return Math.min(Math.min(Math.min(c0, c1), Math.min(c2, c3)), Math.min(Math.min(c4, c5), Math.min(c6, c7)));
    }
}
