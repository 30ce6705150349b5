package dev.attest.annotation.metrics.localisation;

import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.SameGrid;
import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

/**
 * Box localisation: IoU and box-pixel precision and recall of a predicted box against a reviewer's box or
 * mask. Voxels all have the same size on one grid, so counting voxels gives the same ratios as volumes in mm³.
 */
public final class BoxMetrics {

    /** Passed as the label: any non-zero label of the reference mask counts as the region. */
    public static final int ANY_LABEL = 0;

    private BoxMetrics() {
    }

    /** A predicted box against a reference box on the same grid. */
    public static BoxScores compare(VoxelBox predicted, VoxelBox reference) {
        return BoxScores.of(predicted.voxels(), reference.voxels(), predicted.overlap(reference));
    }

    /**
     * A predicted box against the voxels of reference labelled label ({@link #ANY_LABEL}: any non-zero label).
     *
     * @throws MetricInputException if the box reaches outside the reference's grid
     */
    public static BoxScores compare(VoxelBox predicted, Volume reference, int label) {
        ImageGrid g = reference.grid();
        if (predicted.x0() < 0 || predicted.y0() < 0 || predicted.z0() < 0 || predicted.x1() > g.sizeX()
                || predicted.y1() > g.sizeY() || predicted.z1() > g.sizeZ()) {
            throw new MetricInputException(predicted + " reaches outside the " + g.sizeX() + " x " + g.sizeY() + " x "
                    + g.sizeZ() + " grid of '" + SameGrid.describe(reference) + "'");
        }
        LabelReader labels = new LabelReader(reference, SameGrid.describe(reference));
        int[] row = new int[g.sizeX()];
        long inMask = 0;
        long inBoth = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                labels.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    if (label == ANY_LABEL ? row[x] != 0 : row[x] == label) {
                        inMask++;
                        if (predicted.contains(x, y, z)) {
                            inBoth++;
                        }
                    }
                }
            }
        }
        return BoxScores.of(predicted.voxels(), inMask, inBoth);
    }
}
