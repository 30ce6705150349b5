package dev.attest.inference.manifest;

import java.nio.file.Path;

/** A manifest file that cannot be read or is incomplete, naming the file and the problem. */
public final class ManifestFormatException extends RuntimeException {
    private final Path file;

    public ManifestFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
