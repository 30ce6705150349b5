package dev.attest.dicom.codec.jpegls;

/**
 * A JPEG-LS codestream that cannot be decoded, saying why and at which byte; the codec turns it
 * into a {@link dev.attest.dicom.pixel.PixelDataException} naming the file and frame.
 */
final class JpegLsException extends Exception {

    /** What kind of problem it is, so that callers and tests can tell a broken stream from a missing feature. */
    enum Kind {
        /** The bytes break a rule of T.87: a bad marker, length, parameter or entropy code. */
        MALFORMED,
        /** The codestream ends before the image is complete. */
        TRUNCATED,
        /** Valid T.87, but a feature Attest does not decode (mapping tables, subsampling, ...). */
        UNSUPPORTED,
        /** Valid T.87 that contradicts the DICOM Image Pixel attributes. */
        MISMATCH
    }

    private final Kind kind;
    private final long offset;

    JpegLsException(Kind kind, long offset, String message) {
        super(message);
        this.kind = kind;
        this.offset = offset;
    }

    Kind kind() {
        return kind;
    }

    /** Byte offset from the start of the codestream where the problem was found, or -1. */
    long offset() {
        return offset;
    }

    /** The message with its place in the codestream, as the codec reports it. */
    String describe() {
        return offset < 0 ? getMessage() : getMessage() + " (at byte " + offset + " of the codestream)";
    }
}
