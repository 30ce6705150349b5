package dev.attest.dicom.sr;

import dev.attest.dicom.DicomException;

/** A structured report whose content tree, or whose template content, is not what it must be. */
public class SrFormatException extends DicomException {
    public SrFormatException(String source, String message) {
        super(source, message);
    }
}
