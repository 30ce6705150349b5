package dev.attest.annotation.model;

import java.util.Objects;

/**
 * Evidence to attach to a claim: an artifact (mask, heat map) or inline geometry JSON (box, point), and the
 * method that produced it as JSON (e.g. {"method":"occlusion","patch":16}).
 */
public record EvidenceDraft(long claimId, EvidenceKind kind, ArtifactRef artifact, String geometryJson, String methodJson) {
    public EvidenceDraft {
        Objects.requireNonNull(kind, "kind");
        if ((artifact == null) == (geometryJson == null)) {
            throw new IllegalArgumentException("evidence needs exactly one of an artifact or inline geometry");
        }
    }
}
