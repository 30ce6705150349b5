package dev.attest.annotation.metrics.segmentation;

import java.util.List;

/**
 * Segmentation metrics of a prediction label map against a reference on the same grid, one entry per label.
 *
 * @param prediction the prediction's source file or name
 * @param reference the reference's source file or name
 * @param size voxels along x, y, z
 * @param spacingMm voxel spacing along x, y, z
 * @param planar true for single-slice images, measured with 2D contours
 * @param toleranceMm the surface Dice tolerance
 * @param percentile the Hausdorff percentile
 * @param labels per-label metrics in ascending label order
 */
public record SegmentationReport(String prediction, String reference, int[] size, double[] spacingMm, boolean planar,
        double toleranceMm, double percentile, List<LabelMetrics> labels) {

    public SegmentationReport {
        size = size.clone();
        spacingMm = spacingMm.clone();
        labels = List.copyOf(labels);
    }

    /** The metrics of one label. */
    public LabelMetrics label(int label) {
        return labels.stream().filter(m -> m.label() == label).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("label " + label + " was not measured"));
    }
}
