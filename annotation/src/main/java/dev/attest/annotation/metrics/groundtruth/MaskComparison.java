package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.segmentation.LabelMetrics;

/**
 * A model's mask against the reviewer's corrected label map: Dice, IoU, Hausdorff distance and its percentile,
 * average surface distances and surface Dice of the voxels the evidence shows (the prediction is the model's,
 * the reference the reviewer's; empty masks follow {@link dev.attest.annotation.metrics.segmentation.EmptyMasks}).
 *
 * @param pair which correction and evidence
 * @param labels the labels compared in both maps (their union when several; a region's non-zero voxels)
 * @param metrics the segmentation metrics; their label is the first of labels
 */
public record MaskComparison(Pairing pair, MaskSelection labels, LabelMetrics metrics) {
}
