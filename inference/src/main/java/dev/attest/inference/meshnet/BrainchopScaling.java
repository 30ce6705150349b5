package dev.attest.inference.meshnet;

import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.Normalisation;

import java.util.Arrays;
import java.util.Set;

/**
 * brainchop's input scaling of a conformed volume: min-max to [0, 1] (the default), or for the models it
 * flags {@code enableQuantileNorm} the 5% and 95% quantiles mapped to 0 and 1 without clipping.
 */
public final class BrainchopScaling {

    /** brainchop's list of models run with quantile normalisation (models/SOURCES.md). */
    private static final Set<String> QUANTILE_MODELS = Set.of("model20chan3cls", "model30chan50cls");

    private BrainchopScaling() {
    }

    /** The normalisation brainchop uses for a model folder name. */
    public static Normalisation forModel(String folderName) {
        return QUANTILE_MODELS.contains(folderName) ? Normalisation.percentile(5, 95, false) : Normalisation.minMax();
    }

    /** The volume's physical values as a [1, 1, z, y, x] tensor, scaled per {@code n} (MINMAX, PERCENTILE or NONE). */
    public static FloatTensor tensor(Volume v, Normalisation n) {
        int sx = v.grid().sizeX();
        int sy = v.grid().sizeY();
        int sz = v.grid().sizeZ();
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(sx, sy), sz)];
        Volume f = v.toFloat32Physical();
        for (int z = 0; z < sz; z++) {
            System.arraycopy((float[]) f.sliceArray(z), 0, data, z * sx * sy, sx * sy);
        }
        apply(data, n);
        return new FloatTensor(data, new long[] {1, 1, sz, sy, sx});
    }

    /** Scales values in place. */
    public static void apply(float[] values, Normalisation n) {
        switch (n.kind()) {
            case NONE -> { }
            case MINMAX -> minMax(values);
            case PERCENTILE -> quantile(values, n.lower() / 100.0, n.upper() / 100.0, n.clip());
            default -> throw new IllegalArgumentException("brainchop models use min-max or quantile scaling, not "
                    + n.kind());
        }
    }

    /** (v - min) / (max - min); a constant volume becomes all zeros. */
    public static void minMax(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        rescale(values, min, max, false);
    }

    /**
     * (v - q_lower) / (q_upper - q_lower) with q the sorted value at index floor(q * (n - 1)), as brainchop's
     * quantile normalisation; clipping to [0, 1] only when asked (brainchop does not clip).
     */
    public static void quantile(float[] values, double lower, double upper, boolean clip) {
        if (!(lower >= 0 && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException("quantiles must satisfy 0 <= lower < upper <= 1, got " + lower + ", " + upper);
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) Math.floor(lower * (sorted.length - 1))];
        float hi = sorted[(int) Math.floor(upper * (sorted.length - 1))];
        rescale(values, lo, hi, clip);
    }

    private static void rescale(float[] values, float lo, float hi, boolean clip) {
        if (!(hi > lo)) {
            Arrays.fill(values, 0f);
            return;
        }
        // Divide rather than multiply by a reciprocal: this is what the reference implementations compute,
        // and the last bit matters where two classes' logits tie.
        float range = hi - lo;
        for (int i = 0; i < values.length; i++) {
            float v = (values[i] - lo) / range;
            values[i] = clip ? Math.min(1f, Math.max(0f, v)) : v;
        }
    }
}
