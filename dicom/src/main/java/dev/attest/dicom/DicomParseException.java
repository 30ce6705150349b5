package dev.attest.dicom;

/**
 * The file's structure is broken: says where (byte offset, and the tag being read when known)
 * and keeps whatever was read before the break so a dump can still show it.
 */
public final class DicomParseException extends DicomException {
    private final long offset;
    private final int tag;
    private final transient DicomFile partial;

    public DicomParseException(String source, long offset, int tag, String message, DicomFile partial) {
        super(source, "at byte offset " + offset + (tag == NO_TAG ? "" : ", tag " + Tag.toString(tag)) + ": " + message);
        this.offset = offset;
        this.tag = tag;
        this.partial = partial;
    }

    public static final int NO_TAG = -1;

    public long offset() {
        return offset;
    }

    /** The tag being read, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }

    /** What was read before the error (elements up to the broken one); may be null. */
    public DicomFile partial() {
        return partial;
    }
}
