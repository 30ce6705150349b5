package dev.attest.dicom.seg;

/** How a segment was made (Segment Algorithm Type, 0062,0008). */
public enum SegmentAlgorithmType {
    /** Calculated by an algorithm without user input: a model's output. */
    AUTOMATIC,
    /** Calculated with user assistance: a model's output corrected by a reviewer. */
    SEMIAUTOMATIC,
    /** Drawn by hand. */
    MANUAL
}
