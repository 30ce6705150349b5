package dev.attest.inference.run;

import java.util.Locale;

/**
 * The activation an output spec names, applied per voxel across channels, and the label it implies:
 * softmax and none take the first channel with the highest value; sigmoid with one channel labels
 * 1 where the probability exceeds 0.5, and with several takes the highest channel like softmax.
 */
public enum Activation {
    SOFTMAX, SIGMOID, NONE;

    public static Activation parse(String text) {
        return switch (text == null ? "none" : text.trim().toLowerCase(Locale.ROOT)) {
            case "softmax" -> SOFTMAX;
            case "sigmoid" -> SIGMOID;
            case "none", "", "identity" -> NONE;
            default -> throw new IllegalArgumentException("unknown activation '" + text + "' (softmax, sigmoid or none)");
        };
    }

    /** Applies the activation in place to values[c][i] for c over channels; returns the label of voxel i. */
    int applyAndLabel(float[][] values, int i) {
        int k = values.length;
        int best = 0;
        float bestValue = values[0][i];
        for (int c = 1; c < k; c++) {
            if (values[c][i] > bestValue) {
                bestValue = values[c][i];
                best = c;
            }
        }
        switch (this) {
            case SOFTMAX -> {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(values[c][i] - (double) bestValue);
                }
                for (int c = 0; c < k; c++) {
                    values[c][i] = (float) (Math.exp(values[c][i] - (double) bestValue) / sum);
                }
            }
            case SIGMOID -> {
                for (int c = 0; c < k; c++) {
                    values[c][i] = (float) (1 / (1 + Math.exp(-values[c][i])));
                }
                if (k == 1) {
                    return values[0][i] > 0.5f ? 1 : 0;
                }
            }
            case NONE -> { }
        }
        return best;
    }
}
