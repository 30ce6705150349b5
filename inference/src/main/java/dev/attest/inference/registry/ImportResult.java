package dev.attest.inference.registry;

import dev.attest.inference.manifest.ModelManifest;

import java.nio.file.Path;
import java.util.List;

/** A finished import: the manifest as written, the model's new folder, what kind of source it was, and any notes. */
public record ImportResult(ModelManifest manifest, Path folder, String sourceKind, List<String> notes) {

    public ImportResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
