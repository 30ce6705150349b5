package dev.attest.annotation.metrics.segmentation;

import java.util.List;

/**
 * What to measure: the surface Dice tolerance in mm, the Hausdorff percentile, and the labels (empty: every
 * label present in either volume).
 */
public record SegmentationOptions(double toleranceMm, double percentile, List<Integer> labels) {

    /** A 1 mm tolerance, the 95th percentile, every label present. */
    public static final SegmentationOptions DEFAULT = new SegmentationOptions(1.0, 95, List.of());

    public SegmentationOptions {
        if (!(toleranceMm >= 0) || Double.isInfinite(toleranceMm)) {
            throw new IllegalArgumentException("the surface Dice tolerance must be a finite number of mm >= 0, got "
                    + toleranceMm);
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("the Hausdorff percentile must be in (0, 100], got " + percentile);
        }
        labels = List.copyOf(labels);
        for (int label : labels) {
            if (label < 1 || label > LabelReader.MAX_LABEL) {
                throw new IllegalArgumentException("label " + label + " is not in 1 to " + LabelReader.MAX_LABEL);
            }
        }
    }

    public SegmentationOptions withTolerance(double mm) {
        return new SegmentationOptions(mm, percentile, labels);
    }

    public SegmentationOptions withLabels(List<Integer> only) {
        return new SegmentationOptions(toleranceMm, percentile, only);
    }
}
