package dev.attest.annotation.metrics.groundtruth;

import java.util.List;

/**
 * One case's model evidence measured against its reviewers' corrections: every comparison and skip, ordered by
 * correction then evidence as in {@link GroundTruthMetrics}, but not summarised (one case has no interval).
 *
 * @param caseId the case
 * @param masks mask comparisons
 * @param boxes box comparisons
 * @param heatmaps heat-map comparisons
 * @param skipped what could not be measured and why
 */
public record CaseGroundTruth(long caseId, List<MaskComparison> masks, List<BoxComparison> boxes,
        List<HeatmapComparison> heatmaps, List<SkippedComparison> skipped) {
    public CaseGroundTruth {
        masks = List.copyOf(masks);
        boxes = List.copyOf(boxes);
        heatmaps = List.copyOf(heatmaps);
        skipped = List.copyOf(skipped);
    }

    /** Whether the case has no correction that was compared, or tried to be. */
    public boolean isEmpty() {
        return masks.isEmpty() && boxes.isEmpty() && heatmaps.isEmpty() && skipped.isEmpty();
    }
}
