package dev.attest.dicom.deid;

import dev.attest.dicom.DicomException;

/** Burned-in pixels were to be cleaned but could not be: the message says why (encoding, rectangle, ...). */
public final class PixelCleaningException extends DicomException {
    public PixelCleaningException(String source, String message) {
        super(source, message);
    }

    public PixelCleaningException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }
}
