package dev.attest.inference.manifest;

/**
 * One further file a model needs besides its main {@code weights} file (e.g. a TF.js weight shard),
 * relative to the folder holding the manifest, with the sha256 it must have.
 */
public record ModelFile(String path, String sha256) {

    public ModelFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a model file needs a path");
        }
    }
}
