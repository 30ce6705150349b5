package dev.attest.annotation.model;

import java.util.Objects;

/**
 * A reviewer's corrected or added annotation for a case (and a claim when it corrects one), as an artifact or
 * inline geometry; {@code derivedFromEvidenceId} names the model evidence it was edited from, if any.
 */
public record CorrectionDraft(long caseId, Long claimId, AnnotationKind kind, ArtifactRef artifact,
        String geometryJson, Long derivedFromEvidenceId, long editorId) {
    public CorrectionDraft {
        Objects.requireNonNull(kind, "kind");
        if ((artifact == null) == (geometryJson == null)) {
            throw new IllegalArgumentException("a correction needs exactly one of an artifact or inline geometry");
        }
    }
}
