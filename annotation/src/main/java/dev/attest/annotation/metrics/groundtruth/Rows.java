package dev.attest.annotation.metrics.groundtruth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The comparisons and skips gathered over a project, before they are summarised. */
record Rows(List<MaskComparison> masks, List<BoxComparison> boxes, List<HeatmapComparison> heatmaps,
        List<SkippedComparison> skipped) {

    static Rows empty() {
        return new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Orders every list by correction, then evidence, so the report does not depend on reading order. */
    void sort() {
        Comparator<Pairing> byPair = Comparator.comparingLong(Pairing::correctionId)
                .thenComparingLong(Pairing::evidenceId);
        masks.sort(Comparator.comparing(MaskComparison::pair, byPair));
        boxes.sort(Comparator.comparing(BoxComparison::pair, byPair));
        heatmaps.sort(Comparator.comparing(HeatmapComparison::pair, byPair));
        skipped.sort(Comparator.comparingLong(SkippedComparison::correctionId).thenComparing(
                SkippedComparison::evidenceId, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
