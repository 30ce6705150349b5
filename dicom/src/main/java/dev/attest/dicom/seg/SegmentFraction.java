package dev.attest.dicom.seg;

import dev.attest.core.volume.Volume;

import java.util.Objects;

/**
 * One segment of a FRACTIONAL Segmentation: each voxel's physical value is a probability or an
 * occupancy in 0..1 (values outside are clamped; NaN counts as 0).
 */
public record SegmentFraction(SegmentDefinition definition, Volume fraction) {
    public SegmentFraction {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(fraction, "fraction");
    }
}
