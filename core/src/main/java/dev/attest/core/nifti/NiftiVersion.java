package dev.attest.core.nifti;

/** The two NIfTI header formats: NIfTI-1 (16-bit dims, float32 fields) and NIfTI-2 (64-bit dims, float64 fields). */
public enum NiftiVersion {
    NIFTI_1(348),
    NIFTI_2(540);

    /** Largest dimension a NIfTI-1 header can record (its dims are signed 16-bit). */
    public static final int NIFTI_1_MAX_DIM = Short.MAX_VALUE;

    private final int headerSize;

    NiftiVersion(int headerSize) {
        this.headerSize = headerSize;
    }

    /** The header's sizeof_hdr: 348 or 540 bytes. */
    public int headerSize() {
        return headerSize;
    }

    /** Where extensions start: after the header and the 4-byte extension flag. */
    public int extensionsStart() {
        return headerSize + 4;
    }
}
