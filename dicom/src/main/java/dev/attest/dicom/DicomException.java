package dev.attest.dicom;

import java.io.IOException;

/** Base of every typed DICOM error: says which file (or other source) it is about. */
public class DicomException extends IOException {
    private final String source;

    public DicomException(String source, String message) {
        this(source, message, null);
    }

    public DicomException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file path or other name of the input that was wrong. */
    public String source() {
        return source;
    }
}
