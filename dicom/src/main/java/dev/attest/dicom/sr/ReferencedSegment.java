package dev.attest.dicom.sr;

import java.util.Objects;

/** A segment of a DICOM Segmentation, as a TID 1411 group refers to it (IMAGE item with Referenced Segment Number). */
public record ReferencedSegment(SopReference segmentation, int segmentNumber) {
    public ReferencedSegment {
        Objects.requireNonNull(segmentation, "segmentation");
        if (segmentNumber < 1 || segmentNumber > 65535) {
            throw new IllegalArgumentException("Referenced Segment Number is 1..65535, got " + segmentNumber);
        }
    }
}
