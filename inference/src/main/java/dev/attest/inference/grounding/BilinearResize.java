package dev.attest.inference.grounding;

/**
 * Resizes a row-major 2D array by bilinear interpolation with pixel centres aligned, as torch's
 * {@code F.interpolate(mode="bilinear", align_corners=False)} without antialiasing: destination pixel d
 * samples source coordinate (d + 0.5) * src/dst - 0.5, clamped at 0 and at the last pixel. Matching
 * torch exactly matters because grounding models are trained on torch-resized images and their heat
 * maps are compared with references made the same way.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    public static float[] resize(float[] src, int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        if (src.length != srcWidth * srcHeight) {
            throw new IllegalArgumentException("a " + srcWidth + " x " + srcHeight + " array needs "
                    + srcWidth * srcHeight + " values, got " + src.length);
        }
        int[] x0 = new int[dstWidth];
        int[] x1 = new int[dstWidth];
        double[] fx = new double[dstWidth];
        weights(srcWidth, dstWidth, x0, x1, fx);
        int[] y0 = new int[dstHeight];
        int[] y1 = new int[dstHeight];
        double[] fy = new double[dstHeight];
        weights(srcHeight, dstHeight, y0, y1, fy);
        float[] dst = new float[dstWidth * dstHeight];
        for (int y = 0; y < dstHeight; y++) {
            int r0 = y0[y] * srcWidth;
            int r1 = y1[y] * srcWidth;
            for (int x = 0; x < dstWidth; x++) {
                double top = src[r0 + x0[x]] * (1 - fx[x]) + src[r0 + x1[x]] * fx[x];
                double bottom = src[r1 + x0[x]] * (1 - fx[x]) + src[r1 + x1[x]] * fx[x];
                dst[y * dstWidth + x] = (float) (top * (1 - fy[y]) + bottom * fy[y]);
            }
        }
        return dst;
    }

    private static void weights(int src, int dst, int[] lo, int[] hi, double[] frac) {
        double scale = (double) src / dst;
        for (int d = 0; d < dst; d++) {
            double s = Math.max((d + 0.5) * scale - 0.5, 0);
            int i = Math.min((int) s, src - 1);
            lo[d] = i;
            hi[d] = Math.min(i + 1, src - 1);
            frac[d] = s - i;
        }
    }
}
