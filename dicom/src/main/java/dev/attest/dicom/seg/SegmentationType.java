package dev.attest.dicom.seg;

/** How a Segmentation stores membership (Segmentation Type, 0062,0001). */
public enum SegmentationType {
    /** One bit per pixel: in the segment or not. */
    BINARY,
    /** 8 bits per pixel scaled by Maximum Fractional Value: a probability or an occupancy. */
    FRACTIONAL
}
