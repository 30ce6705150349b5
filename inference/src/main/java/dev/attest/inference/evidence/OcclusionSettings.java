package dev.attest.inference.evidence;

/**
 * How {@link OcclusionSensitivity} occludes: patch size and stride in voxels (z, y, x), the fill value
 * written into every channel of the patch, and how many occluded copies go to the predictor per call.
 */
public record OcclusionSettings(int[] patchSize, int[] stride, float fillValue, int batchSize) {

    public OcclusionSettings {
        check(patchSize, "patch size");
        check(stride, "stride");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        patchSize = patchSize.clone();
        stride = stride.clone();
    }

    private static void check(int[] a, String what) {
        if (a == null || a.length != 3) {
            throw new IllegalArgumentException(what + " needs three values (z, y, x)");
        }
        for (int v : a) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " values must be >= 1, got " + java.util.Arrays.toString(a));
            }
        }
    }

    @Override
    public int[] patchSize() {
        return patchSize.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }
}
