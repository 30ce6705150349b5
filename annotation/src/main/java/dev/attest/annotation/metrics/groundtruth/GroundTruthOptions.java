package dev.attest.annotation.metrics.groundtruth;

/**
 * How model evidence is measured against reviewers' corrections.
 *
 * @param surfaceToleranceMm τ of the normalised surface distance (surface Dice) of masks
 * @param hausdorffPercentile the Hausdorff percentile of masks (95 for HD95)
 * @param pointingToleranceMm how far (mm, voxel centre to voxel centre) a heat map's peak may lie from the
 *     reviewer's point, box or mask and still count as a pointing-game hit; 0 asks for the peak inside
 */
public record GroundTruthOptions(double surfaceToleranceMm, double hausdorffPercentile, double pointingToleranceMm) {

    /**
     * τ = 1 mm, HD95, and a 5 mm pointing tolerance. Zhang et al. (2016) allow 15 pixels on 224-pixel
     * photographs; volumes are measured in mm, and 5 mm (two 2.5 mm CT slices) lets a peak next to a small
     * lesion count without letting one in a neighbouring organ count. A reviewer's point is one voxel, so a
     * tolerance of 0 would ask the peak to hit that very voxel.
     */
    public static final GroundTruthOptions DEFAULT = new GroundTruthOptions(1.0, 95, 5.0);

    public GroundTruthOptions {
        if (!(surfaceToleranceMm >= 0) || Double.isInfinite(surfaceToleranceMm)) {
            throw new IllegalArgumentException("the surface Dice tolerance must be a finite number of mm >= 0, got "
                    + surfaceToleranceMm);
        }
        if (!(hausdorffPercentile > 0 && hausdorffPercentile <= 100)) {
            throw new IllegalArgumentException("the Hausdorff percentile must be in (0, 100], got " + hausdorffPercentile);
        }
        if (!(pointingToleranceMm >= 0) || Double.isInfinite(pointingToleranceMm)) {
            throw new IllegalArgumentException("the pointing-game tolerance must be a finite number of mm >= 0, got "
                    + pointingToleranceMm);
        }
    }
}
