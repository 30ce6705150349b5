package dev.attest.inference.registry;

import dev.attest.inference.manifest.ModelManifest;

import java.util.List;

/**
 * What a {@link ManifestSource} makes of a folder: the manifest (file paths relative to the folder;
 * a null sha256 is computed by the importer, a given one must match), further files worth keeping
 * beside the model (licence, original configuration), and notes on what could not be carried over.
 */
public record ImportPlan(ModelManifest manifest, List<String> extraFiles, List<String> notes) {

    public ImportPlan {
        extraFiles = extraFiles == null ? List.of() : List.copyOf(extraFiles);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
