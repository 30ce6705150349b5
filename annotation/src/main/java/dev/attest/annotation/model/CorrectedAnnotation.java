package dev.attest.annotation.model;

import java.time.Instant;

/** A stored corrected annotation (see {@link CorrectionDraft}). */
public record CorrectedAnnotation(long id, long caseId, Long claimId, AnnotationKind kind, ArtifactRef artifact,
        String geometryJson, Long derivedFromEvidenceId, long editorId, Instant created) {
}
