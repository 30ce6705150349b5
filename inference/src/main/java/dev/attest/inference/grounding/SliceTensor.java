package dev.attest.inference.grounding;

import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.SliceInput;
import dev.attest.inference.run.IntensityNormaliser;

/**
 * Turns a slice into a grounding model's image tensor, float32 [1, C, height, width]: the contract's
 * normalisation over the slice's own pixels (so ZSCORE and PERCENTILE statistics do not depend on the
 * network size), a bilinear resize to the network size, the grey image repeated into every channel,
 * then per-channel {@code (v - mean) / std} when the manifest gives them.
 */
public final class SliceTensor {

    private SliceTensor() {
    }

    public static FloatTensor of(SliceImage slice, InputContract input, SliceInput image) {
        float[] v = slice.values().clone();
        IntensityNormaliser.apply(v, input.normalisation());
        float[] resized = BilinearResize.resize(v, slice.width(), slice.height(), image.width(), image.height());
        int channels = input.channels();
        int plane = resized.length;
        float[] data = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            double mean = image.mean().isEmpty() ? 0 : image.mean().get(c);
            double std = image.std().isEmpty() ? 1 : image.std().get(c);
            for (int p = 0; p < plane; p++) {
                data[c * plane + p] = (float) ((resized[p] - mean) / std);
            }
        }
        return new FloatTensor(data, new long[] {1, channels, image.height(), image.width()});
    }
}
