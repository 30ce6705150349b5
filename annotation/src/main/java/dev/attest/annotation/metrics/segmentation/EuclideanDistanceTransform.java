package dev.attest.annotation.metrics.segmentation;

import java.util.stream.IntStream;

/**
 * Exact squared Euclidean distance transform on an anisotropic 3D grid: for every grid point, the squared
 * distance in mm² to the nearest feature point.
 *
 * <p>Separable, as Felzenszwalb and Huttenlocher (Theory of Computing 8, 2012) describe: a scan along x gives
 * each point its distance to the nearest feature on its own row; then along y and along z each line takes
 * the lower envelope of the parabolas {@code s²(q − p)² + f(p)}, which is exact and linear in the number of
 * points. Written here rather than taken from a library because none on Maven Central does anisotropic exact
 * EDT without native code. Lines are processed in parallel for large grids.
 */
final class EuclideanDistanceTransform {

    /** Below this many points the fork-join overhead outweighs the work. */
    private static final int PARALLEL_POINTS = 1 << 18;

    private EuclideanDistanceTransform() {
    }

    /**
     * Returns the squared distance (mm²) from each point of the nx × ny × nz grid (index x + nx·(y + ny·z)) to
     * the nearest point where features is true, with spacing sx, sy, sz mm; +∞ everywhere when there is none.
     */
    static double[] squared(boolean[] features, int nx, int ny, int nz, double sx, double sy, double sz) {
        int n = nx * ny * nz;
        if (features.length != n) {
            throw new IllegalArgumentException("features hold " + features.length + " points, grid has " + n);
        }
        double[] d = new double[n];
        boolean parallel = n >= PARALLEL_POINTS;
        slices(nz, parallel).forEach(z -> {
            for (int y = 0; y < ny; y++) {
                alongX(features, d, nx * (y + ny * z), nx, sx);
            }
        });
        if (ny > 1) {
            slices(nz, parallel).forEach(z -> new Envelope(ny).alongAxis(d, nx * ny * z, nx, 1, nx, ny, sy));
        }
        if (nz > 1) {
            slices(ny, parallel).forEach(y -> new Envelope(nz).alongAxis(d, nx * y, nx, 1, nx * ny, nz, sz));
        }
        return d;
    }

    private static IntStream slices(int count, boolean parallel) {
        IntStream range = IntStream.range(0, count);
        return parallel ? range.parallel() : range;
    }

    /** Squared distance to the nearest feature on the same row, by a forward and a backward sweep. */
    private static void alongX(boolean[] features, double[] d, int start, int nx, double sx) {
        int last = -1;
        for (int x = 0; x < nx; x++) {
            if (features[start + x]) {
                last = x;
            }
            d[start + x] = last < 0 ? Double.POSITIVE_INFINITY : sq(sx * (x - last));
        }
        last = -1;
        for (int x = nx - 1; x >= 0; x--) {
            if (features[start + x]) {
                last = x;
            }
            if (last >= 0) {
                d[start + x] = Math.min(d[start + x], sq(sx * (last - x)));
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    /** One line's lower envelope of parabolas, with work arrays reused from line to line. */
    private static final class Envelope {
        /** Lines gathered at once: reading BLOCK neighbouring lines together turns strided reads into runs. */
        private static final int BLOCK = 64;

        private final double[] block;
        private final double[] f;
        private final int[] v;
        private final double[] z;

        Envelope(int length) {
            block = new double[BLOCK * length];
            f = new double[length];
            v = new int[length];
            z = new double[length + 1];
        }

        /**
         * Transforms the lines start + i·step (i in [0, count)), each of n points step apart by stride, in
         * blocks: gather, transform each line, scatter back.
         */
        void alongAxis(double[] d, int start, int count, int step, int stride, int n, double s) {
            for (int first = 0; first < count; first += BLOCK) {
                int lines = Math.min(BLOCK, count - first);
                int base = start + first * step;
                for (int q = 0; q < n; q++) {
                    int at = base + q * stride;
                    for (int b = 0; b < lines; b++) {
                        block[b * n + q] = d[at + b * step];
                    }
                }
                for (int b = 0; b < lines; b++) {
                    transform(block, b * n, n, s);
                }
                for (int q = 0; q < n; q++) {
                    int at = base + q * stride;
                    for (int b = 0; b < lines; b++) {
                        d[at + b * step] = block[b * n + q];
                    }
                }
            }
        }

        /** Replaces line[from + q], q in [0, n), by min over p of s²(q − p)² + line[from + p]. */
        private void transform(double[] line, int from, int n, double s) {
            double s2 = s * s;
            int k = -1;
            for (int q = 0; q < n; q++) {
                double fq = line[from + q];
                f[q] = fq;
                if (fq == Double.POSITIVE_INFINITY) {
                    continue;
                }
                // Drop parabolas that the new one hides, then add it to the envelope.
                double cut = Double.NEGATIVE_INFINITY;
                while (k >= 0) {
                    int p = v[k];
                    cut = ((fq + s2 * q * q) - (f[p] + s2 * (double) p * p)) / (2 * s2 * (q - p));
                    if (cut > z[k]) {
                        break;
                    }
                    k--;
                }
                k++;
                v[k] = q;
                z[k] = k == 0 ? Double.NEGATIVE_INFINITY : cut;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) {
                return;
            }
            int j = 0;
            for (int q = 0; q < n; q++) {
                while (z[j + 1] < q) {
                    j++;
                }
                int p = v[j];
                line[from + q] = s2 * (double) (q - p) * (q - p) + f[p];
            }
        }
    }
}
