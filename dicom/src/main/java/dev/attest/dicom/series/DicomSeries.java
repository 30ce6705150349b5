package dev.attest.dicom.series;

import dev.attest.dicom.DicomFile;

import java.util.List;

/**
 * One series: its instances and the stacks (volumes) they form. A series that mixes
 * orientations, image sizes, frames of reference or repeated positions is split into several
 * stacks, each a volume of its own.
 */
public record DicomSeries(String studyInstanceUid, String seriesInstanceUid, int seriesNumber, String modality,
                          String description, List<DicomFile> instances, List<StackGeometry> stacks,
                          List<SeriesWarning> warnings) {
}
