package dev.attest.core.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Recognises the NIfTI version and byte order from sizeof_hdr, and decodes or encodes either header. */
final class NiftiHeaderCodec {

    /** How a header is laid out: which version, in which byte order. */
    record Format(NiftiVersion version, ByteOrder order) {
    }

    private NiftiHeaderCodec() {
    }

    /**
     * Reads sizeof_hdr, the first four bytes: 348 or 540 in one byte order tells both the version
     * and the file's endianness, since the byte-swapped values are not valid sizes.
     */
    static Format detect(byte[] first4, Path file) throws NiftiFormatException {
        int little = ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int big = Integer.reverseBytes(little);
        for (NiftiVersion v : NiftiVersion.values()) {
            if (little == v.headerSize()) {
                return new Format(v, ByteOrder.LITTLE_ENDIAN);
            }
            if (big == v.headerSize()) {
                return new Format(v, ByteOrder.BIG_ENDIAN);
            }
        }
        throw new NiftiFormatException(file, "sizeof_hdr at offset 0 is " + little + " (little-endian) or " + big
                + " (big-endian), expected 348 (NIfTI-1) or 540 (NIfTI-2): not a NIfTI file");
    }

    static NiftiHeader decode(byte[] header, Format format, Path file) throws NiftiFormatException {
        ByteBuffer b = ByteBuffer.wrap(header).order(format.order());
        return format.version() == NiftiVersion.NIFTI_1 ? Nifti1Layout.decode(b, file) : Nifti2Layout.decode(b, file);
    }

    static byte[] encode(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(h.version().headerSize()).order(h.byteOrder());
        if (h.version() == NiftiVersion.NIFTI_1) {
            Nifti1Layout.encode(h, b);
        } else {
            Nifti2Layout.encode(h, b);
        }
        return b.array();
    }
}
