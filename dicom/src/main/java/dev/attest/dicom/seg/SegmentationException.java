package dev.attest.dicom.seg;

import dev.attest.dicom.DicomException;

/** A DICOM Segmentation that cannot be read or placed as it is: says which file and what was wrong. */
public final class SegmentationException extends DicomException {

    public SegmentationException(String source, String message) {
        super(source, message);
    }
}
