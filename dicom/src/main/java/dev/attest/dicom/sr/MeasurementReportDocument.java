package dev.attest.dicom.sr;

import dev.attest.dicom.write.InstanceReference;

import java.util.List;
import java.util.Objects;

/**
 * A TID 1500 report as read from a file: its content and the document attributes around it.
 *
 * @param source            the file, for messages
 * @param sopClassUid       the SR SOP class (Comprehensive, Comprehensive 3D, Enhanced SR ...)
 * @param sopInstanceUid    SOP Instance UID
 * @param studyInstanceUid  Study Instance UID
 * @param seriesInstanceUid Series Instance UID
 * @param complete          Completion Flag is COMPLETE
 * @param verified          Verification Flag is VERIFIED
 * @param evidence          the instances listed in Current Requested Procedure Evidence and Pertinent Other Evidence
 * @param report            the content
 */
public record MeasurementReportDocument(String source, String sopClassUid, String sopInstanceUid, String studyInstanceUid,
                                        String seriesInstanceUid, boolean complete, boolean verified,
                                        List<InstanceReference> evidence, MeasurementReport report) {
    public MeasurementReportDocument {
        Objects.requireNonNull(report, "report");
        evidence = List.copyOf(evidence);
    }
}
