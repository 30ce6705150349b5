package dev.attest.annotation.claims;

import dev.attest.annotation.edit.IndexBox;
import dev.attest.core.geometry.Vec3;

import java.util.Optional;

/**
 * A finding read off a segmentation: one label's size and content, in words ({@link #text()}) and
 * in numbers, with the label of the mask as evidence.
 *
 * @param volumeMl    voxel count × voxel volume (|det| of the grid's affine) / 1000
 * @param mean        mean image value inside the label, in {@code unit} (HU for CT)
 * @param sd          population standard deviation of the image value inside the label
 * @param boundingBox smallest index-space box holding every voxel of the label
 * @param centroidLps mean of the label's voxel centres in LPS millimetres
 * @param modelRunRef the model run that produced the label map
 */
public record FindingClaim(String text, int labelValue, String labelName, long voxelCount, double volumeMl,
                           double mean, double sd, String unit, IndexBox boundingBox, Vec3 centroidLps,
                           ClaimEvidence.Mask mask, String modelRunRef) implements Claim {
    @Override
    public Optional<ClaimEvidence> evidence() {
        return Optional.of(mask);
    }
}
