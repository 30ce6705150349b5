package dev.attest.inference.meshnet;

import java.util.Locale;

/**
 * The activations MeshNets use after a convolution. GELU is the exact erf form, which is what TF.js's
 * "gelu" and PyTorch's default {@code torch.nn.functional.gelu} both compute (not the tanh approximation).
 */
public enum MeshNetActivation {
    LINEAR, RELU, ELU, GELU;

    /** Parses a Keras activation name; null when it is not one a MeshNet uses. */
    static MeshNetActivation parse(String keras) {
        return switch (keras == null ? "" : keras.toLowerCase(Locale.ROOT)) {
            case "linear" -> LINEAR;
            case "relu" -> RELU;
            case "elu" -> ELU;
            case "gelu" -> GELU;
            default -> null;
        };
    }
}
