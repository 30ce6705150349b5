package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;

import java.nio.ByteBuffer;
import java.util.List;

/** Builds small in-memory images for cases the shared data does not cover. */
final class Synthetic {
    private Synthetic() {
    }

    static DicomDataset pixelModule(TransferSyntax ts, int rows, int columns, int samples, int bitsAllocated,
                                    int bitsStored, int pixelRepresentation, String photometric, int frames) {
        DicomDataset ds = new DicomDataset(ts.bigEndian());
        ds.setInts(Tag.Rows, Vr.US, rows);
        ds.setInts(Tag.Columns, Vr.US, columns);
        ds.setInts(Tag.SamplesPerPixel, Vr.US, samples);
        ds.setInts(Tag.BitsAllocated, Vr.US, bitsAllocated);
        ds.setInts(Tag.BitsStored, Vr.US, bitsStored);
        ds.setInts(Tag.HighBit, Vr.US, bitsStored - 1);
        ds.setInts(Tag.PixelRepresentation, Vr.US, pixelRepresentation);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, photometric);
        if (samples > 1) {
            ds.setInts(Tag.PlanarConfiguration, Vr.US, 0);
        }
        if (frames != 1) {
            ds.setString(Tag.NumberOfFrames, Vr.IS, Integer.toString(frames));
        }
        return ds;
    }

    /** A file whose native Pixel Data is {@code data}, as the reader would map it. */
    static DicomFile nativeFile(String name, TransferSyntax ts, DicomDataset ds, int tag, Vr vr, byte[] data) {
        ds.put(new DicomElement.Bulk(tag, vr, ByteBuffer.wrap(data).asReadOnlyBuffer(), data.length));
        return new DicomFile(name, true, new DicomDataset(), ds, ts, List.of(), null);
    }

    /** A file whose encapsulated Pixel Data holds {@code fragments} after {@code basicOffsetTable}. */
    static DicomFile encapsulatedFile(String name, TransferSyntax ts, DicomDataset ds, byte[] basicOffsetTable,
                                      byte[]... fragments) {
        ds.put(encapsulated(basicOffsetTable, fragments));
        return new DicomFile(name, true, new DicomDataset(), ds, ts, List.of(), null);
    }

    static DicomElement.Encapsulated encapsulated(byte[] basicOffsetTable, byte[]... fragments) {
        List<ByteBuffer> views = new java.util.ArrayList<>();
        long[] positions = new long[fragments.length];
        long at = 0;
        for (int i = 0; i < fragments.length; i++) {
            views.add(ByteBuffer.wrap(fragments[i]).asReadOnlyBuffer());
            positions[i] = at;
            at += 8 + fragments[i].length; // item tag and length, then the value
        }
        return new DicomElement.Encapsulated(Tag.PixelData, Vr.OB, ByteBuffer.wrap(basicOffsetTable), List.copyOf(views), positions);
    }
}
