package dev.attest.inference.probe;

/**
 * Pearson's correlation of two evidence maps over every voxel of their common grid, computed in two passes
 * (means, then centred sums) in double, as r = Sxy / √(Sxx·Syy). Two identical maps give exactly 1, since
 * then Sxy = Sxx = Syy and the square root of a square is exact in binary floating point; NaN when either map
 * is constant.
 */
public final class Pearson {
    private Pearson() {
    }

    public static double of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps differ in length: " + a.length + " vs " + b.length);
        }
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
        }
        double ma = sa / a.length;
        double mb = sb / b.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sxy += da * db;
            sxx += da * da;
            syy += db * db;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
