package dev.attest.annotation.metrics.segmentation;

/**
 * The segmentation metrics of one label, prediction against reference. Distances are in mm, measured
 * between the surfel-weighted surfaces of {@link CornerSurface}; see docs/metrics.md for the definitions.
 *
 * @param label the label value
 * @param predictionVoxels voxels with the label in the prediction
 * @param referenceVoxels voxels with the label in the reference
 * @param overlapVoxels voxels with the label in both
 * @param dice 2·overlap / (prediction + reference)
 * @param iou overlap / union
 * @param hausdorff the largest distance from either surface to the other
 * @param hausdorff95 the larger of the two directed surfel-weighted percentiles (95th by default) — the
 *     maximum of the directed percentiles, as DeepMind's surface-distance and MONAI compute it, not the
 *     percentile of the pooled distances
 * @param asdPredictionToReference surfel-weighted mean distance from the prediction surface to the reference
 * @param asdReferenceToPrediction surfel-weighted mean distance from the reference surface to the prediction
 * @param assd surfel-weighted mean over both surfaces' distances (average symmetric surface distance)
 * @param surfaceDice normalised surface distance (surface Dice) at the tolerance: the surfel weight of both
 *     surfaces within tolerance of the other, over the weight of both surfaces
 * @param empty which masks are empty, and so which convention the values follow
 * @param note the convention in words when a mask is empty, else null
 */
public record LabelMetrics(int label, long predictionVoxels, long referenceVoxels, long overlapVoxels, double dice,
        double iou, double hausdorff, double hausdorff95, double asdPredictionToReference,
        double asdReferenceToPrediction, double assd, double surfaceDice, EmptyMasks empty, String note) {
}
