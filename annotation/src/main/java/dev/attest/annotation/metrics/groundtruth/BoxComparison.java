package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.localisation.BoxScores;
import dev.attest.annotation.metrics.localisation.VoxelBox;

/**
 * A model's box against the reviewer's: IoU and box-pixel precision and recall, in voxels of one grid. The
 * model's box is its box evidence or the bounding box of its mask's label; the reviewer's is a corrected box or
 * the label in a corrected mask.
 *
 * @param pair which correction and evidence
 * @param labels the labels the boxes stand for (those of the mask, the box or the claim; empty when none names one)
 * @param predicted the model's box (half-open voxel ranges), or null when its mask lacks the label
 * @param reference the reviewer's box, or null when the reference is a corrected mask's label
 * @param scores IoU, pixel precision and recall with the voxel counts
 */
public record BoxComparison(Pairing pair, MaskSelection labels, VoxelBox predicted, VoxelBox reference, BoxScores scores) {
}
