package dev.attest.inference.registry;

import dev.attest.inference.manifest.ManifestFormatException;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's model folder: one sub-folder per model, each with its {@code manifest.json}. Folders whose
 * name starts with '.' are work in progress (an import being copied) and are skipped.
 */
final class UserModels {
    private UserModels() {
    }

    /** Every model folder in name order; one that cannot be used is listed as broken with its reason. */
    static List<RegistryEntry> scan(Path dir) {
        List<RegistryEntry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the model folder " + dir + ": " + e.getMessage(), e);
        }
        for (Path folder : folders) {
            String folderName = folder.getFileName().toString();
            Path file = folder.resolve(ManifestJson.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                out.add(RegistryEntry.broken(folderName, ModelOrigin.USER, folder, file + " is missing"));
                continue;
            }
            try {
                ModelManifest m = ManifestJson.read(file);
                String problem = ManifestChecks.problem(m);
                out.add(problem == null ? RegistryEntry.ok(m, ModelOrigin.USER, folder)
                        : RegistryEntry.broken(ManifestChecks.isValidId(m.id()) ? m.id() : folderName, ModelOrigin.USER,
                        folder, file + ": " + problem));
            } catch (ManifestFormatException e) {
                out.add(RegistryEntry.broken(folderName, ModelOrigin.USER, folder, e.getMessage()));
            }
        }
        return out;
    }
}
