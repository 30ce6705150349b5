package dev.attest.inference.registry;

import dev.attest.core.io.Sha256;
import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks every file a manifest names (weights, shards, tokenizer) against the sha256 it declares. */
public final class ModelFileCheck {

    private ModelFileCheck() {
    }

    /**
     * @param folder the folder holding the manifest; the manifest's paths are relative to it
     * @throws WeightMismatchException naming the first file that is missing or has another digest
     * @throws UncheckedIOException when a file exists but cannot be read
     */
    public static void verify(ModelManifest manifest, Path folder) {
        for (ModelFile f : manifest.allFiles()) {
            Path file = folder.resolve(f.path());
            if (!Files.isRegularFile(file)) {
                throw new WeightMismatchException(manifest.id(), file, f.sha256(), null);
            }
            String actual;
            try {
                actual = Sha256.of(file);
            } catch (IOException e) {
                throw new UncheckedIOException("model " + manifest.id() + ": cannot read " + file + ": " + e.getMessage(), e);
            }
            if (!actual.equalsIgnoreCase(f.sha256())) {
                throw new WeightMismatchException(manifest.id(), file, f.sha256(), actual);
            }
        }
    }
}
