package dev.attest.dicom.seg;

import java.util.Objects;

/** One segment of a label map: the voxels whose value is {@code label}. */
public record LabelSegment(int label, SegmentDefinition definition) {
    public LabelSegment {
        Objects.requireNonNull(definition, "definition");
        if (label <= 0) {
            throw new IllegalArgumentException("label values of segments start at 1 (0 is background): " + label);
        }
    }
}
