package dev.attest.annotation.metrics.groundtruth;

import java.util.List;
import java.util.Map;

/**
 * Model evidence measured against the corrections reviewers stored: every comparison and skip, and their
 * summaries overall and split by site, scanner, modality and model. A plain record tree, ordered by id, so
 * Jackson writes the same JSON for the same project.
 *
 * @param overall every comparison of the project
 * @param strata by dimension ("site", "scanner", "modality", "model"), then by value ("(none)" when unset)
 * @param masks mask comparisons by correction, then evidence
 * @param boxes box comparisons, same order
 * @param heatmaps heat-map comparisons, same order
 * @param skipped what could not be measured and why, same order
 */
public record GroundTruthMetrics(GroundTruthSummary overall, Map<String, Map<String, GroundTruthSummary>> strata,
        List<MaskComparison> masks, List<BoxComparison> boxes, List<HeatmapComparison> heatmaps,
        List<SkippedComparison> skipped) {
    public GroundTruthMetrics {
        masks = List.copyOf(masks);
        boxes = List.copyOf(boxes);
        heatmaps = List.copyOf(heatmaps);
        skipped = List.copyOf(skipped);
    }
}
