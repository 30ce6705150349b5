package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.segmentation.LabelMetrics;

/**
 * A model's mask against the reviewer's corrected label map, for one label: Dice, IoU, Hausdorff distance and
 * its percentile, average surface distances and surface Dice (the prediction is the model's, the reference the
 * reviewer's; empty masks follow {@link dev.attest.annotation.metrics.segmentation.EmptyMasks}).
 *
 * @param pair which correction and evidence
 * @param label the claim's label value, compared in both maps
 * @param metrics the segmentation metrics of that label
 */
public record MaskComparison(Pairing pair, int label, LabelMetrics metrics) {
}
