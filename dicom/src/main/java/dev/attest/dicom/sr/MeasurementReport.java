package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.write.InstanceReference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a TID 1500 Measurement Report, as Attest writes it and as it reads any report.
 *
 * @param title              document title (CID 7021), normally (126000, DCM, "Imaging Measurement Report")
 * @param language           Language of Content Item and Descendants
 * @param observers          persons and devices that observed
 * @param proceduresReported Procedure reported, e.g. (25045-6, LN, "CT unspecified body region")
 * @param imageLibrary       the images the measurements were made on
 * @param groups             measurement groups, in order
 * @param evaluations        report-level qualitative evaluations (e.g. each reviewer's acceptability)
 */
public record MeasurementReport(Code title, Optional<Code> language, ObserverContext observers, List<Code> proceduresReported,
                                List<SopReference> imageLibrary, List<MeasurementGroup> groups,
                                List<QualitativeEvaluation> evaluations) {

    public MeasurementReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(observers, "observers");
        proceduresReported = List.copyOf(proceduresReported);
        imageLibrary = List.copyOf(imageLibrary);
        groups = List.copyOf(groups);
        evaluations = List.copyOf(evaluations);
    }

    /**
     * The usual report: Imaging Measurement Report in US English, one procedure, the source
     * images as the image library, and no report-level evaluations.
     */
    public static MeasurementReport of(ObserverContext observers, Code procedure, List<InstanceReference> sourceImages,
                                       List<MeasurementGroup> groups) {
        return new MeasurementReport(ReportCodes.IMAGING_MEASUREMENT_REPORT, Optional.of(ReportCodes.ENGLISH_US), observers,
                List.of(procedure), sourceImages.stream().map(SopReference::of).toList(), groups, List.of());
    }

    public MeasurementReport withEvaluations(List<QualitativeEvaluation> reportEvaluations) {
        return new MeasurementReport(title, language, observers, proceduresReported, imageLibrary, groups, reportEvaluations);
    }
}
