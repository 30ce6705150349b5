package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.bootstrap.Estimate;
import java.util.Map;

/**
 * Mean segmentation metrics of model masks against reviewers' corrected masks. Each {@link Estimate} is a
 * mean: numerator the sum of the metric over comparisons, denominator how many comparisons had a finite value,
 * with a case-level bootstrap interval.
 *
 * @param comparisons mask comparisons
 * @param dice mean Dice (1 when both masks are empty, 0 when one is)
 * @param iou mean IoU (same conventions)
 * @param hausdorff95 mean HD95 in mm over comparisons where both masks hold the label (+∞ with one empty, NaN
 *     with both: left out, and counted in {@code empty})
 * @param surfaceDice mean normalised surface distance at τ (same conventions as Dice)
 * @param empty comparisons per {@link dev.attest.annotation.metrics.segmentation.EmptyMasks} code: "neither",
 *     "both", "reference" (the reviewer erased the label), "prediction" (the model missed it)
 */
public record MaskSummary(int comparisons, Estimate dice, Estimate iou, Estimate hausdorff95, Estimate surfaceDice,
        Map<String, Integer> empty) {
}
