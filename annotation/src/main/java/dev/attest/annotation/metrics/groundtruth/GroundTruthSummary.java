package dev.attest.annotation.metrics.groundtruth;

/**
 * Evidence against reviewer ground truth for one group of cases (the project, or one site, scanner, modality
 * or model).
 *
 * @param cases cases with at least one comparison: the units the bootstrap resamples
 * @param corrections corrections with at least one comparison
 * @param skipped skipped corrections or pairings
 * @param masks model masks against corrected masks
 * @param boxes model boxes (box evidence, or a mask label's bounding box) against corrected boxes or masks
 * @param heatmaps model heat maps against corrected points, boxes and masks
 */
public record GroundTruthSummary(int cases, int corrections, int skipped, MaskSummary masks, BoxSummary boxes,
        HeatmapSummary heatmaps) {
}
