package dev.attest.annotation.metrics.localisation;

/**
 * A predicted box against a reference box or mask, counted in voxels.
 *
 * @param iou overlap / union
 * @param pixelPrecision the share of the predicted box's voxels inside the reference (NaN for an empty box)
 * @param pixelRecall the share of the reference's voxels inside the predicted box (NaN for an empty reference)
 * @param predictedVoxels voxels of the predicted box
 * @param referenceVoxels voxels of the reference box or mask
 * @param overlapVoxels voxels in both
 */
public record BoxScores(double iou, double pixelPrecision, double pixelRecall, long predictedVoxels,
        long referenceVoxels, long overlapVoxels) {

    static BoxScores of(long predicted, long reference, long overlap) {
        long union = predicted + reference - overlap;
        return new BoxScores(union == 0 ? Double.NaN : (double) overlap / union,
                predicted == 0 ? Double.NaN : (double) overlap / predicted,
                reference == 0 ? Double.NaN : (double) overlap / reference, predicted, reference, overlap);
    }
}
