package dev.attest.dicom.sr;

import dev.attest.dicom.Code;

import java.util.Objects;
import java.util.Optional;

/**
 * One numeric measurement of a measurement group (TID 1419 ROI Measurements): what was measured,
 * the value and its UCUM unit, and how it was derived.
 *
 * @param concept    what was measured, e.g. (118565006, SCT, "Volume")
 * @param value      the measured value
 * @param unit       UCUM unit, e.g. (ml, UCUM, "milliliter")
 * @param derivation Derivation (121401, DCM), e.g. (373098007, SCT, "Mean")
 * @param method     Measurement Method, e.g. (126030, DCM, "Sum of segmented voxel volumes")
 */
public record Measurement(Code concept, double value, Code unit, Optional<Code> derivation, Optional<Code> method) {
    public Measurement {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(derivation, "derivation");
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(concept.meaning() + ": a measured value must be finite, got " + value);
        }
    }

    /** The volume of a segment in millilitres, as the sum of its voxel volumes. */
    public static Measurement volumeMl(double millilitres) {
        return new Measurement(ReportCodes.VOLUME, millilitres, ReportCodes.MILLILITER, Optional.empty(),
                Optional.of(ReportCodes.SUM_OF_SEGMENTED_VOXEL_VOLUMES));
    }

    /** The mean CT number inside a segment, in Hounsfield units. */
    public static Measurement meanHu(double hounsfield) {
        return new Measurement(ReportCodes.ATTENUATION_COEFFICIENT, hounsfield, ReportCodes.HOUNSFIELD_UNIT,
                Optional.of(ReportCodes.MEAN), Optional.empty());
    }
}
