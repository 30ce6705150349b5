package dev.attest.dicom.series;

import java.util.List;

/** One study and its series, as found by a scan. */
public record DicomStudy(String studyInstanceUid, String description, String date, List<DicomSeries> series) {
}
