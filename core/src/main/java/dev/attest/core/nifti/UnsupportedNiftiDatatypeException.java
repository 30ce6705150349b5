package dev.attest.core.nifti;

import java.nio.file.Path;

/** Thrown for a well-formed NIfTI file whose datatype (e.g. RGB24, INT64) Attest does not hold in a scalar volume. */
public final class UnsupportedNiftiDatatypeException extends NiftiFormatException {

    private final int datatypeCode;

    public UnsupportedNiftiDatatypeException(Path file, int datatypeCode, String problem) {
        super(file, problem);
        this.datatypeCode = datatypeCode;
    }

    public int datatypeCode() {
        return datatypeCode;
    }
}
