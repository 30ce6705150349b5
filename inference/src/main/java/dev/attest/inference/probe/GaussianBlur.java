package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

/**
 * Smooths with a Gaussian of standard deviation sigmaMm millimetres, as a softer reconstruction kernel or
 * motion would. The filter is separable along the grid's i, j and k axes, with σ in voxels = sigmaMm / the
 * axis' spacing; each 1-D kernel has taps at −r..r, r = ⌊4σ + 0.5⌋, weights exp(−t²/2σ²) normalised to sum 1,
 * and the image is extended past its edges by repeating the edge voxel. These are scipy.ndimage's
 * gaussian_filter(mode="nearest", truncate=4) conventions, so its output is an independent reference. An axis
 * whose radius comes out 0 is left alone.
 */
public record GaussianBlur(double sigmaMm) implements Perturbation {
    public GaussianBlur {
        if (!(sigmaMm > 0) || Double.isInfinite(sigmaMm)) {
            throw new IllegalArgumentException("blur sigma must be positive and finite (mm), got " + sigmaMm);
        }
    }

    @Override
    public String kind() {
        return "blur";
    }

    @Override
    public String parameter() {
        return "sigma";
    }

    @Override
    public double level() {
        return sigmaMm;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        Vec3 spacing = grid.spacing();
        float[] out = values.clone();
        for (int axis = 0; axis < 3; axis++) {
            double[] kernel = kernel(sigmaMm / spacing.get(axis));
            if (kernel.length > 1) {
                out = convolve(out, grid, axis, kernel);
            }
        }
        return out;
    }

    /** The normalised taps for σ voxels, centre at index r. */
    static double[] kernel(double sigmaVoxels) {
        int r = (int) (4.0 * sigmaVoxels + 0.5);
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            w[t + r] = Math.exp(-0.5 * t * t / (sigmaVoxels * sigmaVoxels));
            sum += w[t + r];
        }
        for (int t = 0; t < w.length; t++) {
            w[t] /= sum;
        }
        return w;
    }

    private static float[] convolve(float[] in, ImageGrid grid, int axis, double[] kernel) {
        int nx = grid.sizeX();
        int ny = grid.sizeY();
        int nz = grid.sizeZ();
        int n = grid.size(axis);
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int r = kernel.length / 2;
        float[] out = new float[in.length];
        double[] line = new double[n];
        // Every line along the axis starts at a voxel whose coordinate on that axis is 0.
        for (int z = 0; z < (axis == 2 ? 1 : nz); z++) {
            for (int y = 0; y < (axis == 1 ? 1 : ny); y++) {
                for (int x = 0; x < (axis == 0 ? 1 : nx); x++) {
                    int start = (z * ny + y) * nx + x;
                    for (int t = 0; t < n; t++) {
                        line[t] = in[start + t * stride];
                    }
                    for (int t = 0; t < n; t++) {
                        double s = 0;
                        for (int d = -r; d <= r; d++) {
                            int u = Math.min(Math.max(t + d, 0), n - 1);
                            s += kernel[d + r] * line[u];
                        }
                        out[start + t * stride] = (float) s;
                    }
                }
            }
        }
        return out;
    }
}
