package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.seg.SegmentedProperty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Measurement Group of a TID 1500 report; Attest writes one per segment, as TID 1411
 * (Volumetric ROI Measurements and Qualitative Evaluations).
 *
 * @param trackingId      Tracking Identifier, human-readable ("liver, claim 12"); "" when a read report has none
 * @param trackingUid     Tracking Unique Identifier; "" when a read report has none
 * @param finding         Finding, e.g. the segmented structure's code
 * @param findingSite     Finding Site
 * @param laterality      Laterality of the finding site
 * @param segment         the segment measured (SEG SOP Instance and segment number)
 * @param sourceSeriesUid Source series for segmentation
 * @param measurements    the numeric measurements
 * @param evaluations     coded judgements, e.g. each reviewer's verdict
 */
public record MeasurementGroup(String trackingId, String trackingUid, Optional<Code> finding, Optional<Code> findingSite,
                               Optional<Code> laterality, Optional<ReferencedSegment> segment,
                               Optional<String> sourceSeriesUid, List<Measurement> measurements,
                               List<QualitativeEvaluation> evaluations) {

    public MeasurementGroup {
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(trackingUid, "trackingUid");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(findingSite, "findingSite");
        Objects.requireNonNull(laterality, "laterality");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(sourceSeriesUid, "sourceSeriesUid");
        measurements = List.copyOf(measurements);
        evaluations = List.copyOf(evaluations);
    }

    /**
     * The group for one segment of a SEG: finding and finding site are the segmented property
     * type, laterality its type modifier (as {@code SegmentedProperties} codes "kidney_left").
     */
    public static MeasurementGroup ofSegment(String trackingId, String trackingUid, ReferencedSegment segment,
                                             String sourceSeriesUid, SegmentedProperty property,
                                             List<Measurement> measurements, List<QualitativeEvaluation> evaluations) {
        return new MeasurementGroup(trackingId, trackingUid, Optional.of(property.type()), Optional.of(property.type()),
                property.typeModifier(), Optional.of(segment), Optional.of(sourceSeriesUid), measurements, evaluations);
    }
}
