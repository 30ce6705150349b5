package dev.attest.dicom.seg;

import dev.attest.core.volume.Volume;

import java.util.Objects;

/** One segment of a BINARY Segmentation given as its own mask: every non-zero voxel is in the segment. */
public record SegmentMask(SegmentDefinition definition, Volume mask) {
    public SegmentMask {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(mask, "mask");
    }
}
