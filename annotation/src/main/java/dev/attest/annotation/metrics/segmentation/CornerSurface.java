package dev.attest.annotation.metrics.segmentation;

/**
 * The surface of a binary mask as points of its corner grid, each weighted by the area of its surfel.
 *
 * <p>Corner (i, j, k) sits where voxels (i−1 .. i, j−1 .. j, k−1 .. k) of the mask meet, so a mask of
 * nx × ny × nz voxels has (nx+1) × (ny+1) × (nz+1) corners and voxels outside the mask's box count as
 * outside. A corner is on the surface when its 2×2×2 cell holds both inside and outside voxels; its weight
 * is the {@link SurfelTable} area of that cell. A planar (single-slice) mask uses 2×2 cells and contour
 * lengths instead, on a corner grid one slice thick.
 *
 * @param cx corners along x
 * @param cy corners along y
 * @param cz corners along z (1 for a planar mask)
 * @param points linear corner indices (i + cx·(j + cy·k)) of the surface, ascending
 * @param weights the surfel area (mm²) or contour length (mm) of each point
 */
record CornerSurface(int cx, int cy, int cz, int[] points, double[] weights) {

    /**
     * Finds the surface of mask (nx × ny × nz voxels, index x + nx·(y + ny·z), 1 = inside) using table, a
     * {@link SurfelTable} for the mask's spacing: 256 areas, or 16 lengths when planar.
     */
    static CornerSurface of(byte[] mask, int nx, int ny, int nz, double[] table, boolean planar) {
        if (planar && nz != 1) {
            throw new IllegalArgumentException("a planar mask has one slice, got " + nz);
        }
        int cx = nx + 1;
        int cy = ny + 1;
        int cz = planar ? 1 : nz + 1;
        int full = planar ? 15 : 255;
        IntBuffer points = new IntBuffer();
        DoubleBuffer weights = new DoubleBuffer();
        for (int k = 0; k < cz; k++) {
            for (int j = 0; j < cy; j++) {
                // The four voxel rows around this corner row; -1 where the row lies outside the mask's box.
                int r00 = row(j - 1, planar ? 0 : k - 1, nx, ny, nz);
                int r10 = row(j, planar ? 0 : k - 1, nx, ny, nz);
                int r01 = planar ? -1 : row(j - 1, k, nx, ny, nz);
                int r11 = planar ? -1 : row(j, k, nx, ny, nz);
                int base = cx * (j + cy * k);
                for (int i = 0; i < cx; i++) {
                    int code = bits(mask, r00, i, nx) | bits(mask, r10, i, nx) << 2;
                    if (!planar) {
                        code |= bits(mask, r01, i, nx) << 4 | bits(mask, r11, i, nx) << 6;
                    }
                    if (code != 0 && code != full) {
                        points.add(base + i);
                        weights.add(table[code]);
                    }
                }
            }
        }
        return new CornerSurface(cx, cy, cz, points.toArray(), weights.toArray());
    }

    /** The start index of voxel row (y, z), or -1 outside the box. */
    private static int row(int y, int z, int nx, int ny, int nz) {
        return y < 0 || y >= ny || z < 0 || z >= nz ? -1 : nx * (y + ny * z);
    }

    /** Two bits for voxels x = i−1 (bit 0) and x = i (bit 1) of a row. */
    private static int bits(byte[] mask, int row, int i, int nx) {
        if (row < 0) {
            return 0;
        }
        int left = i > 0 && mask[row + i - 1] != 0 ? 1 : 0;
        int right = i < nx && mask[row + i] != 0 ? 2 : 0;
        return left | right;
    }

    boolean isEmpty() {
        return points.length == 0;
    }

    int size() {
        return points.length;
    }

    double totalWeight() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    /** The surface as features for the distance transform: true at each surface corner. */
    boolean[] featureMask() {
        boolean[] features = new boolean[cx * cy * cz];
        for (int p : points) {
            features[p] = true;
        }
        return features;
    }

    /** A growable int array, so surfaces of millions of points are not boxed. */
    private static final class IntBuffer {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    /** A growable double array. */
    private static final class DoubleBuffer {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
