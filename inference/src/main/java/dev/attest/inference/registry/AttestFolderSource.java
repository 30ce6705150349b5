package dev.attest.inference.registry;

import dev.attest.inference.manifest.ManifestJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A folder that already holds an Attest {@code manifest.json} beside its files. */
final class AttestFolderSource implements ManifestSource {
    @Override
    public String kind() {
        return "Attest model folder";
    }

    @Override
    public boolean accepts(Path dir) {
        return Files.isRegularFile(dir.resolve(ManifestJson.FILE_NAME));
    }

    @Override
    public ImportPlan plan(Path dir) {
        List<String> extras = Files.isRegularFile(dir.resolve("LICENSE")) ? List.of("LICENSE") : List.of();
        return new ImportPlan(ManifestJson.read(dir.resolve(ManifestJson.FILE_NAME)), extras, List.of());
    }
}
