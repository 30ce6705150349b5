package dev.attest.viewer.volume3d;

import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * Physical voxel values in a form the ray caster can read fast: the volume's own 16-bit slice
 * arrays when the rescale is uniform (no copy), otherwise a float32 copy of the physical values.
 * Sampling is trilinear at fractional voxel indices that the caller has clamped to the grid.
 */
abstract sealed class VoxelField permits VoxelField.Shorts, VoxelField.Floats {
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
            double fx = x - x0;
            double fy = y - y0;
            double fz = z - z0;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            short[] a = slices[z0];
            short[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            int m = mask;
            double a00 = (a[i] & m) + ((a[i + dx] & m) - (a[i] & m)) * fx;
            double a10 = (a[i + dy] & m) + ((a[i + dy + dx] & m) - (a[i + dy] & m)) * fx;
            double b00 = (b[i] & m) + ((b[i + dx] & m) - (b[i] & m)) * fx;
            double b10 = (b[i + dy] & m) + ((b[i + dy + dx] & m) - (b[i + dy] & m)) * fx;
            double av = a00 + (a10 - a00) * fy;
            double bv = b00 + (b10 - b00) * fy;
            return (av + (bv - av) * fz) * slope + intercept;
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
            double fx = x - x0;
            double fy = y - y0;
            double fz = z - z0;
            int dx = x0 + 1 < nx ? 1 : 0;
            int dy = y0 + 1 < ny ? nx : 0;
            float[] a = slices[z0];
            float[] b = slices[z0 + 1 < nz ? z0 + 1 : z0];
            int i = y0 * nx + x0;
            double a00 = a[i] + (a[i + dx] - a[i]) * fx;
            double a10 = a[i + dy] + (a[i + dy + dx] - a[i + dy]) * fx;
            double b00 = b[i] + (b[i + dx] - b[i]) * fx;
            double b10 = b[i + dy] + (b[i + dy + dx] - b[i + dy]) * fx;
            double av = a00 + (a10 - a00) * fy;
            double bv = b00 + (b10 - b00) * fy;
            return av + (bv - av) * fz;
        }
    }
}
