package dev.attest.inference.run;

import java.util.Locale;

/**
 * The activation an output spec names and the label it implies. Labels come from the blended raw
 * scores, which gives the same class as activating first: softmax and none take the first channel
 * with the highest score; sigmoid with one channel labels 1 where the score is above 0 (probability
 * above 0.5), and with several takes the highest channel. Probabilities are computed only for the
 * classes a caller keeps, so a 100-class model pays one exp per class per voxel only when asked.
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

    /** The label of voxel i from scores[c][i]. */
    int label(float[][] scores, int i) {
        int k = scores.length;
        if (this == SIGMOID && k == 1) {
            return scores[0][i] > 0 ? 1 : 0;
        }
        int best = 0;
        float bestValue = scores[0][i];
        for (int c = 1; c < k; c++) {
            if (scores[c][i] > bestValue) {
                bestValue = scores[c][i];
                best = c;
            }
        }
        return best;
    }

    /** Writes the activated value of each class in classes for voxel i into out[j][offset + i]. */
    void probabilities(float[][] scores, int i, int[] classes, float[][] out, int offset) {
        switch (this) {
            case SOFTMAX -> {
                int k = scores.length;
                double max = scores[0][i];
                for (int c = 1; c < k; c++) {
                    max = Math.max(max, scores[c][i]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(scores[c][i] - max);
                }
                for (int j = 0; j < classes.length; j++) {
                    out[j][offset + i] = (float) (Math.exp(scores[classes[j]][i] - max) / sum);
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < classes.length; j++) {
                    out[j][offset + i] = (float) (1 / (1 + Math.exp(-scores[classes[j]][i])));
                }
            }
            case NONE -> {
                for (int j = 0; j < classes.length; j++) {
                    out[j][offset + i] = scores[classes[j]][i];
                }
            }
        }
    }
}
