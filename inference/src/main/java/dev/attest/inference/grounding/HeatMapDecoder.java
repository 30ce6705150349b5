package dev.attest.inference.grounding;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.inference.engine.FloatTensor;

import java.util.Arrays;

/**
 * Turns a grounding model's heat map [1, 1, h, w], which covers the whole network image, into a
 * {@link GroundingHeatMap} on the slice grid: the activation first (so interpolated values stay
 * probabilities), then a bilinear resize to the slice's width x height.
 */
public final class HeatMapDecoder {

    private HeatMapDecoder() {
    }

    /** @param sigmoid whether the heatmap output's activation is sigmoid (else values are used as given) */
    public static GroundingHeatMap decode(FloatTensor heatmap, boolean sigmoid, double threshold, ImageGrid slice) {
        long[] s = heatmap.shape();
        if (s.length != 4 || s[0] != 1 || s[1] != 1) {
            throw new IllegalArgumentException("heatmap output must be [1, 1, h, w], got " + Arrays.toString(s));
        }
        float[] v = heatmap.data().clone();
        if (sigmoid) {
            for (int p = 0; p < v.length; p++) {
                v[p] = (float) (1 / (1 + Math.exp(-v[p])));
            }
        }
        float[] onSlice = BilinearResize.resize(v, (int) s[3], (int) s[2], slice.sizeX(), slice.sizeY());
        return new GroundingHeatMap(slice, onSlice, threshold);
    }
}
