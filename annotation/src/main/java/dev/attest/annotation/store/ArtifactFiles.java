package dev.attest.annotation.store;

import dev.attest.core.io.Sha256;
import dev.attest.annotation.model.ArtifactRef;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The project's {@code artifacts/} folder: files are copied in under a plain name, fsynced, and referenced by
 * relative path + sha256 so a moved project still resolves and a changed file is detected.
 */
final class ArtifactFiles {
    private final Path folder;

    ArtifactFiles(Path projectFolder) {
        this.folder = projectFolder;
    }

    ArtifactRef importFile(Path source, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("artifact name must be a plain file name (letters, digits, . _ -), got '"
                    + name + "'");
        }
        Path dir = folder.resolve(Projects.ARTIFACTS);
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                throw new ProjectStoreException("cannot import " + source + ": " + target + " already exists");
            }
            // Copy to a temporary name, fsync, then rename, so a crash never leaves a half-written artifact.
            Path tmp = dir.resolve("." + name + ".tmp");
            String sha = Sha256.copy(Files.newInputStream(source), tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new ArtifactRef(Projects.ARTIFACTS + "/" + name, sha);
        } catch (IOException e) {
            throw new ProjectStoreException("cannot import " + source + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    Path resolve(ArtifactRef ref) {
        Path file = folder.resolve(ref.relativePath());
        try {
            String sha = Sha256.of(file);
            if (!sha.equals(ref.sha256())) {
                throw new ProjectStoreException(file + " has sha256 " + sha + " but the project recorded " + ref.sha256()
                        + "; the artifact was changed outside Attest");
            }
            return file;
        } catch (IOException e) {
            throw new ProjectStoreException("cannot read artifact " + file + ": " + e.getMessage(), e);
        }
    }
}
