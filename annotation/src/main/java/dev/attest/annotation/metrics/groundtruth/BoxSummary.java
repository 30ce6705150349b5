package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.bootstrap.Estimate;

/**
 * Mean box metrics of model boxes against reviewers' boxes or corrected masks; each {@link Estimate} is a mean
 * over the comparisons where the value is defined (denominator), with a case-level bootstrap interval.
 *
 * @param comparisons box comparisons
 * @param iou mean IoU (0 when the model's mask lacks the label)
 * @param pixelPrecision mean share of the model box inside the reviewer's region (undefined, so left out, when
 *     the model's mask lacks the label)
 * @param pixelRecall mean share of the reviewer's region inside the model box (left out when the reviewer's
 *     corrected mask lacks the label)
 * @param emptyPredictions comparisons where the model's mask lacked the label, so it had no box
 */
public record BoxSummary(int comparisons, Estimate iou, Estimate pixelPrecision, Estimate pixelRecall,
        int emptyPredictions) {
}
