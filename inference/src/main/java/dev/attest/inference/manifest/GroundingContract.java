package dev.attest.inference.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code grounding} section of a GROUNDING model's manifest: the slice image it takes, how phrases
 * are tokenised, and how its boxes and heat map are decoded (see docs/grounding-model.md). The
 * network's inputs are, in this order: image, token ids, attention mask (when {@code text.attentionMask});
 * its outputs are those the manifest's {@code outputs} list, in that order, each of type
 * {@value #HEATMAP}, {@value #BOXES} or {@value #SCORES}.
 */
public record GroundingContract(SliceInput image, TextInput text, BoxDecoding boxes, HeatMapDecoding heatmap) {

    /** Output type of a [1, 1, h, w] heat map over the whole network image. */
    public static final String HEATMAP = "heatmap";
    /** Output type of [1, N, 4] boxes, x0 y0 x1 y1. */
    public static final String BOXES = "boxes";
    /** Output type of the [1, N] scores of the boxes, in the same order. */
    public static final String SCORES = "scores";

    private static final Set<String> TYPES = Set.of(HEATMAP, BOXES, SCORES);
    private static final Set<String> ACTIVATIONS = Set.of("sigmoid", "none");

    /**
     * The first reason the manifest cannot describe a grounding model, in words, or null when it can.
     * Checked for every GROUNDING manifest the registry lists and before a grounding model opens.
     */
    public static String problem(ModelManifest m) {
        GroundingContract g = m.grounding();
        if (m.task() != ModelTask.GROUNDING) {
            return g == null ? null : "a grounding section needs task GROUNDING, not " + m.task();
        }
        if (g == null) {
            return "task GROUNDING needs a grounding section (image, text, outputs)";
        }
        if (m.format() != WeightFormat.TORCHSCRIPT && m.format() != WeightFormat.ONNX) {
            return "a grounding model must be TORCHSCRIPT or ONNX, not " + m.format();
        }
        if (m.input() == null) {
            return "a grounding model needs an input section (channels, normalisation)";
        }
        if (g.image() == null) {
            return "grounding.image (width, height) is missing";
        }
        int c = m.input().channels();
        if (!g.image().mean().isEmpty() && g.image().mean().size() != c
                || !g.image().std().isEmpty() && g.image().std().size() != c
                || g.image().mean().isEmpty() != g.image().std().isEmpty()) {
            return "grounding.image mean and std need one value per input channel (" + c + ") each, or neither";
        }
        if (g.text() == null) {
            return "grounding.text (tokenizer, maxLength) is missing";
        }
        String tokenizer = g.text().tokenizer();
        if (tokenizer == null || tokenizer.isBlank()) {
            return "grounding.text.tokenizer (the tokenizer.json file) is missing";
        }
        if (m.allFiles().stream().noneMatch(f -> f.path().equals(tokenizer))) {
            return "tokenizer " + tokenizer + " is not listed in files, so its sha256 cannot be checked";
        }
        return outputsProblem(m.outputs(), g);
    }

    private static String outputsProblem(List<OutputSpec> outputs, GroundingContract g) {
        List<String> types = new ArrayList<>();
        for (OutputSpec o : outputs) {
            String type = o.type() == null ? "" : o.type().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                return "output " + o.name() + " has type '" + o.type() + "'; a grounding model's outputs are "
                        + HEATMAP + ", " + BOXES + " and " + SCORES;
            }
            if (types.contains(type)) {
                return "output type " + type + " appears twice";
            }
            if (!ACTIVATIONS.contains(o.activation().toLowerCase(Locale.ROOT))) {
                return "output " + o.name() + " has activation '" + o.activation() + "'; sigmoid or none";
            }
            types.add(type);
        }
        if (types.contains(BOXES) != types.contains(SCORES)) {
            return "outputs " + BOXES + " and " + SCORES + " come together (one score per box)";
        }
        if (!types.contains(HEATMAP) && !types.contains(BOXES)) {
            return "a grounding model needs a " + HEATMAP + " output or " + BOXES + " and " + SCORES + " outputs";
        }
        if (types.contains(BOXES) && (g.boxes() == null || g.boxes().coordinates() == null)) {
            return "grounding.boxes.coordinates (NORMALISED or PIXEL) is needed with a boxes output";
        }
        return null;
    }

    /** The output of this type, or null when the model has none. */
    public static OutputSpec output(ModelManifest m, String type) {
        return m.outputs().stream().filter(o -> type.equalsIgnoreCase(o.type())).findFirst().orElse(null);
    }
}
