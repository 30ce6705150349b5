package dev.attest.annotation.model;

import java.time.Instant;

/** Stored evidence for a claim (see {@link EvidenceDraft}). */
public record Evidence(long id, long claimId, EvidenceKind kind, ArtifactRef artifact, String geometryJson,
        String methodJson, Instant created) {
}
