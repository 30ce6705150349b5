package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.TransferSyntax;

/** The outcome of de-identifying one file: a clean data set to write, or the file left out. */
public sealed interface DeidResult {

    DeidFileLog log();

    /**
     * The de-identified data set and the transfer syntax to write it with (the input's, unless
     * compressed pixels were decoded to be cleaned).
     */
    record Deidentified(DicomDataset dataset, TransferSyntax transferSyntax, DeidFileLog log) implements DeidResult {
    }

    /** The file was left out on purpose (burned-in annotation the user chose to exclude). */
    record Excluded(String reason, DeidFileLog log) implements DeidResult {
    }
}
