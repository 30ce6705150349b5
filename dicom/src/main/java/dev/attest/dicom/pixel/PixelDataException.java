package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomException;

/** The pixel data, or the attributes that describe it, cannot be decoded as they are: says what and where. */
public final class PixelDataException extends DicomException {

    public PixelDataException(String source, String message) {
        super(source, message);
    }

    public PixelDataException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }
}
