package dev.attest.inference.conform;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * FreeSurfer-style conforming as brainchop does it (through NiiVue's port of FastSurfer's conform.py):
 * a 256^3 grid of 1 mm voxels in LIA orientation whose voxel (128, 128, 128) sits at the position of the
 * source's voxel (dims / 2), trilinear resampling of the image (a voxel whose eight neighbours are not
 * all inside the source is 0), and intensities rescaled to uint8 0..255 with FastSurfer's histogram
 * limits (lower = minimum, upper = the 99.9th percentile of non-zero voxels, values truncated as a
 * Uint8Array store does). Label maps go back to the source grid by nearest neighbour.
 */
public final class BrainConform {

    public static final int SIZE = 256;
    private static final int HISTOGRAM_BINS = 1000;
    private static final double UPPER_FRACTION = 0.999;

    private BrainConform() {
    }

    /** The conformed grid for a source grid: LIA axes, 1 mm, centred on the source's centre voxel position. */
    public static ImageGrid conformedGrid(ImageGrid source) {
        Vec3 centre = source.indexToLps().apply(source.sizeX() / 2.0, source.sizeY() / 2.0, source.sizeZ() / 2.0);
        // LIA in LPS coordinates: +i to the left (+x), +j inferior (-z), +k anterior (-y).
        Vec3 i = new Vec3(1, 0, 0);
        Vec3 j = new Vec3(0, 0, -1);
        Vec3 k = new Vec3(0, -1, 0);
        double h = SIZE / 2.0;
        Vec3 origin = centre.sub(i.scale(h)).sub(j.scale(h)).sub(k.scale(h));
        return new ImageGrid(SIZE, SIZE, SIZE, Affine.fromColumns(i, j, k, origin));
    }

    /**
     * Tells whether a volume already is brainchop input: 256^3 uint8, 1 mm, axes exactly along L, I, A.
     * Like brainchop, the position of the grid is not checked, so such a volume is used unchanged.
     */
    public static boolean isConformed(Volume volume) {
        ImageGrid g = volume.grid();
        if (g.sizeX() != SIZE || g.sizeY() != SIZE || g.sizeZ() != SIZE || volume.type() != VoxelType.UINT8
                || !volume.hasUniformRescale() || volume.rescale().slope() != 1 || volume.rescale().intercept() != 0) {
            return false;
        }
        Affine a = g.indexToLps();
        Affine lia = conformedGrid(g).indexToLps();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(a.get(r, c) - lia.get(r, c)) > 1e-4) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Conforms an image; an already conformed volume comes back unchanged (the same object). */
    public static ConformedVolume conform(Volume source) {
        if (isConformed(source)) {
            return new ConformedVolume(source, source.grid(), false);
        }
        ImageGrid grid = conformedGrid(source.grid());
        float[][] src = physicalSlices(source);
        double[] minMax = minMax(src);
        double[] scale = uint8Scale(source.type(), src, minMax);
        double srcMin = scale[0];
        double factor = scale[1];
        Affine outToSrc = source.grid().lpsToIndex().multiply(grid.indexToLps());
        int nx = source.grid().sizeX();
        int ny = source.grid().sizeY();
        int nz = source.grid().sizeZ();
        Volume out = Volume.allocate(grid, VoxelType.UINT8);
        for (int z = 0; z < SIZE; z++) {
            byte[] slice = (byte[]) out.sliceArray(z);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    Vec3 p = outToSrc.apply(x, y, z);
                    double v = trilinear(src, nx, ny, nz, p.x(), p.y(), p.z());
                    double s = Math.min(255, Math.max(0, factor * (v - srcMin)));
                    slice[y * SIZE + x] = (byte) (int) s;
                }
            }
        }
        out.setName(source.name());
        return new ConformedVolume(out, source.grid(), true);
    }

    /** Resamples a label map (any integer type) onto the conformed grid by nearest neighbour, 0 outside. */
    public static Volume conformLabels(Volume labels) {
        ImageGrid grid = conformedGrid(labels.grid());
        return nearest(labels, grid);
    }

    /**
     * Maps a label map on the conformed grid back onto the source grid by nearest neighbour (source voxels
     * outside the 256 mm cube get 0); the result keeps the label map's voxel type.
     */
    public static Volume labelsToSource(Volume conformedLabels, ImageGrid source) {
        if (conformedLabels.grid().sameGeometry(source, 1e-6)) {
            return conformedLabels;
        }
        return nearest(conformedLabels, source);
    }

    private static Volume nearest(Volume from, ImageGrid to) {
        Affine map = from.grid().lpsToIndex().multiply(to.indexToLps());
        ImageGrid g = from.grid();
        Volume out = Volume.allocate(to, from.type());
        for (int z = 0; z < to.sizeZ(); z++) {
            for (int y = 0; y < to.sizeY(); y++) {
                for (int x = 0; x < to.sizeX(); x++) {
                    Vec3 p = map.apply(x, y, z);
                    long i = Math.round(p.x());
                    long j = Math.round(p.y());
                    long k = Math.round(p.z());
                    if (i >= 0 && j >= 0 && k >= 0 && i < g.sizeX() && j < g.sizeY() && k < g.sizeZ()) {
                        out.setStored(x, y, z, from.getStored((int) i, (int) j, (int) k));
                    }
                }
            }
        }
        out.setName(from.name());
        return out;
    }

    private static double trilinear(float[][] src, int nx, int ny, int nz, double px, double py, double pz) {
        int fx = (int) Math.floor(px);
        int fy = (int) Math.floor(py);
        int fz = (int) Math.floor(pz);
        if (fx < 0 || fy < 0 || fz < 0 || Math.ceil(px) >= nx || Math.ceil(py) >= ny || Math.ceil(pz) >= nz) {
            return 0;
        }
        double rx = px - fx;
        double ry = py - fy;
        double rz = pz - fz;
        // On the last row or column the ceiling equals the floor, so the +1 neighbour has weight 0; clamp
        // its index to stay inside the array.
        int x1 = Math.min(fx + 1, nx - 1);
        int y1 = Math.min(fy + 1, ny - 1);
        int z1 = Math.min(fz + 1, nz - 1);
        float[] a = src[fz];
        float[] b = src[z1];
        double c00 = a[fy * nx + fx] * (1 - rx) + a[fy * nx + x1] * rx;
        double c10 = a[y1 * nx + fx] * (1 - rx) + a[y1 * nx + x1] * rx;
        double c01 = b[fy * nx + fx] * (1 - rx) + b[fy * nx + x1] * rx;
        double c11 = b[y1 * nx + fx] * (1 - rx) + b[y1 * nx + x1] * rx;
        return (c00 * (1 - ry) + c10 * ry) * (1 - rz) + (c01 * (1 - ry) + c11 * ry) * rz;
    }

    /**
     * FastSurfer's getscale with f_low = 0 and f_high = 0.999: {source minimum, 255 / (upper - minimum)},
     * the upper limit being the lower edge of the histogram bin where the top 0.1% of the non-zero voxels
     * starts. A uint8 source is only shifted by its minimum, as NiiVue does.
     */
    static double[] uint8Scale(VoxelType type, float[][] src, double[] minMax) {
        double min = minMax[0];
        double max = minMax[1];
        if (type == VoxelType.UINT8 || max == min) {
            return new double[] {min, 1.0};
        }
        double bin = (max - min) / HISTOGRAM_BINS;
        long[] cumulative = new long[HISTOGRAM_BINS];
        long voxels = 0;
        long nonZero = 0;
        for (float[] slice : src) {
            for (float v : slice) {
                int b = (int) Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / bin));
                cumulative[b]++;
                voxels++;
                if (Math.abs(v) >= 1e-15) {
                    nonZero++;
                }
            }
        }
        for (int i = 1; i < HISTOGRAM_BINS; i++) {
            cumulative[i] += cumulative[i - 1];
        }
        long nth = voxels - (long) Math.floor((1.0 - UPPER_FRACTION) * nonZero);
        int idx = 0;
        while (idx < HISTOGRAM_BINS - 1 && cumulative[idx + 1] < nth) {
            idx++;
        }
        double upper = idx * bin + min;
        return new double[] {min, upper == min ? 1.0 : 255.0 / (upper - min)};
    }

    private static float[][] physicalSlices(Volume v) {
        Volume f = v.type() == VoxelType.FLOAT32 && v.hasUniformRescale() && v.rescale().slope() == 1
                && v.rescale().intercept() == 0 ? v : v.toFloat32Physical();
        float[][] s = new float[f.grid().sizeZ()][];
        for (int z = 0; z < s.length; z++) {
            s[z] = (float[]) f.sliceArray(z);
        }
        return s;
    }

    private static double[] minMax(float[][] src) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] slice : src) {
            for (float v : slice) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }
}
