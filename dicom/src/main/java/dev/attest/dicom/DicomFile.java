package dev.attest.dicom;

import java.util.List;
import java.util.Optional;

/**
 * A parsed DICOM file: file meta information, the data set, and how it was encoded. Pixel data
 * stays in the (memory-mapped) file until a decoder reads it.
 *
 * @param source        the file path or other name, used in every error message
 * @param hasPreamble   whether the 128-byte preamble and "DICM" were present
 * @param fileMeta      group 0002 (empty when the file had none)
 * @param dataset       the data set proper
 * @param transferSyntax the syntax the data set was read with (sniffed when the meta lacked it)
 * @param warnings      things that were wrong but could be read around, in reading order
 * @param parseError    in lenient reading, the structural error that ended parsing early; null when the whole file was read
 */
public record DicomFile(String source, boolean hasPreamble, DicomDataset fileMeta, DicomDataset dataset,
                        TransferSyntax transferSyntax, List<String> warnings, String parseError) {

    /** True when the whole file was read (always, unless it was read leniently and was broken). */
    public boolean complete() {
        return parseError == null;
    }

    /** The Pixel Data, Float Pixel Data or Double Float Pixel Data element, if present. */
    public Optional<DicomElement> pixelData() {
        for (int tag : new int[] {Tag.PixelData, Tag.FloatPixelData, Tag.DoubleFloatPixelData}) {
            DicomElement e = dataset.get(tag);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** SOP Class UID from the data set, falling back to the meta's (some anonymisers blank the former). */
    public String sopClassUid() {
        String uid = dataset.getString(Tag.SOPClassUID);
        if (uid == null || uid.isEmpty()) {
            uid = fileMeta.getString(Tag.MediaStorageSOPClassUID);
        }
        return uid == null ? "" : uid;
    }

    public String sopInstanceUid() {
        String uid = dataset.getString(Tag.SOPInstanceUID);
        if (uid == null || uid.isEmpty()) {
            uid = fileMeta.getString(Tag.MediaStorageSOPInstanceUID);
        }
        return uid == null ? "" : uid;
    }
}
