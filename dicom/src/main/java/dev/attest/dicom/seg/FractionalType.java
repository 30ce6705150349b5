package dev.attest.dicom.seg;

/** What the values of a FRACTIONAL segmentation mean (Segmentation Fractional Type, 0062,0010). */
public enum FractionalType {
    /** The probability that the voxel belongs to the segment. */
    PROBABILITY,
    /** The fraction of the voxel's volume the segment occupies. */
    OCCUPANCY
}
