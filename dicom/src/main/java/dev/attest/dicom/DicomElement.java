package dev.attest.dicom;

import java.nio.ByteBuffer;
import java.util.List;

/** One data element of a data set: a value, a sequence of items, or pixel data left in the file. */
public sealed interface DicomElement
        permits DicomElement.Value, DicomElement.Sequence, DicomElement.Bulk, DicomElement.Encapsulated {

    int tag();

    Vr vr();

    /** A value held in memory, in the byte order of the data set it belongs to. */
    record Value(int tag, Vr vr, byte[] bytes) implements DicomElement {
    }

    /** A sequence (SQ, or UN that turned out to hold a sequence) and its items. */
    record Sequence(int tag, Vr vr, List<DicomDataset> items) implements DicomElement {
    }

    /**
     * A large value left where it is in the file (native Pixel Data): {@code data} is a
     * read-only view that is only paged in when read. {@code declaredLength} is what the
     * header claimed; it is larger than {@code data.remaining()} when the file is truncated.
     */
    record Bulk(int tag, Vr vr, ByteBuffer data, long declaredLength) implements DicomElement {
        public boolean truncated() {
            return declaredLength > data.remaining();
        }
    }

    /**
     * Encapsulated (compressed) pixel data: the Basic Offset Table and the fragments, each a
     * read-only view into the file. {@code fragmentPositions[i]} is the byte position of
     * fragment i's item header relative to the first fragment's, which is what offset tables
     * count in.
     */
    record Encapsulated(int tag, Vr vr, ByteBuffer basicOffsetTable, List<ByteBuffer> fragments,
                        long[] fragmentPositions) implements DicomElement {
    }
}
