package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.bootstrap.Estimate;

/**
 * Heat maps against reviewers' points, boxes and masks, with case-level bootstrap intervals.
 *
 * @param comparisons heat-map comparisons
 * @param pointingGame hits / comparisons at the options' pointing tolerance
 * @param energyInRegion mean share of positive energy inside the reviewer's box or mask (points and maps
 *     without positive values left out)
 */
public record HeatmapSummary(int comparisons, Estimate pointingGame, Estimate energyInRegion) {
}
