package dev.attest.dicom.deid;

import dev.attest.dicom.DicomException;

/**
 * A file flags burned-in annotation (0028,0301) = YES and the caller chose neither to exclude it
 * nor to clean its pixels, so it cannot be exported.
 */
public final class BurnedInAnnotationException extends DicomException {
    public BurnedInAnnotationException(String source) {
        super(source, "Burned In Annotation (0028,0301) is YES: the pixels carry text that may identify the patient;"
                + " exclude the file or clean its pixels (give the rectangles to blank) before exporting it");
    }
}
