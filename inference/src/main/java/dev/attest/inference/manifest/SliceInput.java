package dev.attest.inference.manifest;

import java.util.List;

/**
 * The image a grounding model sees: one 2D slice, normalised by the manifest's {@link InputContract}
 * on its own pixels, resized to {@code width} x {@code height} (bilinear, pixel centres aligned as
 * torch's {@code align_corners=False}; the aspect ratio is not kept), repeated into the contract's
 * channels, then standardised per channel as {@code (v - mean[c]) / std[c]} when {@code mean} and
 * {@code std} are given (ImageNet-style backbones). Sent as float32 [1, C, height, width].
 */
public record SliceInput(int width, int height, List<Double> mean, List<Double> std) {

    public SliceInput {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grounding image size must be at least 1 x 1, got " + width + " x " + height);
        }
        mean = mean == null ? List.of() : List.copyOf(mean);
        std = std == null ? List.of() : List.copyOf(std);
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("grounding image std values must be positive, got " + std);
            }
        }
    }
}
