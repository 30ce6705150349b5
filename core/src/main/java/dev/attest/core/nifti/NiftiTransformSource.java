package dev.attest.core.nifti;

/** Which header fields placed a NIfTI image in space, in the standard order of precedence. */
public enum NiftiTransformSource {
    /** srow_x/y/z, used when sform_code &gt; 0. */
    SFORM,
    /** The quaternion, qoffset and pixdim, used when only qform_code &gt; 0. */
    QFORM,
    /** Only pixdim scaling, with no orientation: the fallback when both codes are 0. */
    PIXDIM
}
