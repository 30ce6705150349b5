package dev.attest.inference.manifest;

import java.util.List;

/**
 * One network output. {@code type}: "logits", "probabilities", "labels", "heatmap", "boxes" or "text";
 * {@code activation}: "softmax", "sigmoid" or "none" (applied to logits before argmax/thresholding);
 * {@code evidence} marks outputs that are evidence maps shown behind claims.
 */
public record OutputSpec(String name, String type, String activation, List<OutputLabel> labels, boolean evidence) {

    public OutputSpec {
        labels = labels == null ? List.of() : List.copyOf(labels);
        activation = activation == null ? "none" : activation;
    }
}
