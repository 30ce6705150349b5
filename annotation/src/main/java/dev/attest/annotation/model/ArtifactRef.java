package dev.attest.annotation.model;

import java.util.Objects;

/** An array file under the project's {@code artifacts/} folder: its path relative to the project folder and its sha256. */
public record ArtifactRef(String relativePath, String sha256) {
    public ArtifactRef {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        if (!relativePath.startsWith("artifacts/") || relativePath.contains("..") || relativePath.contains("\\")) {
            throw new IllegalArgumentException("artifact path must be under artifacts/ with forward slashes, got '"
                    + relativePath + "'");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("artifact sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }
}
