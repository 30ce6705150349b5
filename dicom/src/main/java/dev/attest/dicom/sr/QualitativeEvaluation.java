package dev.attest.dicom.sr;

import dev.attest.dicom.Code;

import java.util.Objects;
import java.util.Optional;

/**
 * A coded judgement (TID 1501's qualitative evaluations): a concept and its coded value, and the
 * reviewer who gave it when it is one person's (written as that item's own observer context).
 *
 * @param concept  what was judged, e.g. {@link AttestCodes#VERDICT}
 * @param value    the judgement, e.g. {@link AttestCodes#CORRECT}
 * @param observer Person Observer Name of the reviewer, e.g. "Reviewer^R01"
 */
public record QualitativeEvaluation(Code concept, Code value, Optional<String> observer) {
    public QualitativeEvaluation {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(observer, "observer");
    }

    /** One reviewer's judgement. */
    public static QualitativeEvaluation by(String reviewer, Code concept, Code value) {
        return new QualitativeEvaluation(concept, value, Optional.of(reviewer));
    }
}
