package dev.attest.dicom.write;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;

import java.util.Objects;

/**
 * One composite instance a derived object refers to, with the study and series it lives in, which
 * the hierarchical reference sequences (Referenced Series, Current Requested Procedure Evidence)
 * group by.
 */
public record InstanceReference(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                                String sopInstanceUid) {

    public InstanceReference {
        for (String[] field : new String[][] {{"studyInstanceUid", studyInstanceUid},
                {"seriesInstanceUid", seriesInstanceUid}, {"sopClassUid", sopClassUid}, {"sopInstanceUid", sopInstanceUid}}) {
            if (Objects.requireNonNull(field[1], field[0]).isEmpty()) {
                throw new IllegalArgumentException("an instance reference needs its " + field[0]);
            }
        }
    }

    /** The reference to an instance, from its own header. */
    public static InstanceReference of(DicomDataset ds) {
        return new InstanceReference(ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.SeriesInstanceUID, ""),
                ds.getString(Tag.SOPClassUID, ""), ds.getString(Tag.SOPInstanceUID, ""));
    }

    /** The reference to a read file; the SOP Class UID falls back to the file meta's when the data set's is blank. */
    public static InstanceReference of(DicomFile file) {
        DicomDataset ds = file.dataset();
        return new InstanceReference(ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.SeriesInstanceUID, ""),
                file.sopClassUid(), file.sopInstanceUid());
    }
}
