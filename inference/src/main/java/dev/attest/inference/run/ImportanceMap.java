package dev.attest.inference.run;

/**
 * The weight of each voxel of a window when blending overlapping windows: 1 everywhere (constant)
 * or a separable Gaussian exp(−d²/2σ²) with σ = roi × sigmaScale per axis, d measured from the
 * window centre ((roi − 1) / 2), then clamped below to max(its minimum, 1e-3) so no voxel gets a
 * zero weight (MONAI's compute_importance_map).
 */
public final class ImportanceMap {

    private ImportanceMap() {
    }

    /** Returns the map for a roi (z, y, x), z slowest, as float32 like the network outputs. */
    public static float[] of(int[] roi, BlendMode mode, double sigmaScale) {
        int n = roi[0] * roi[1] * roi[2];
        float[] map = new float[n];
        if (mode == BlendMode.CONSTANT) {
            java.util.Arrays.fill(map, 1f);
            return map;
        }
        double[][] g = new double[3][];
        for (int a = 0; a < 3; a++) {
            double sigma = roi[a] * sigmaScale;
            g[a] = new double[roi[a]];
            for (int i = 0; i < roi[a]; i++) {
                double d = i - (roi[a] - 1) / 2.0;
                g[a][i] = Math.exp(-d * d / (2 * sigma * sigma));
            }
        }
        float min = Float.MAX_VALUE;
        int i = 0;
        for (int z = 0; z < roi[0]; z++) {
            for (int y = 0; y < roi[1]; y++) {
                for (int x = 0; x < roi[2]; x++) {
                    float v = (float) (g[0][z] * g[1][y] * g[2][x]);
                    map[i++] = v;
                    min = Math.min(min, v);
                }
            }
        }
        float floor = Math.max(min, 1e-3f);
        for (int k = 0; k < n; k++) {
            map[k] = Math.max(map[k], floor);
        }
        return map;
    }
}
