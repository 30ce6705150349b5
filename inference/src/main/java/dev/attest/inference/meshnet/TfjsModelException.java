package dev.attest.inference.meshnet;

import java.nio.file.Path;

/** A TF.js layers-model that cannot be read or is not a MeshNet, naming the file and the problem. */
public final class TfjsModelException extends RuntimeException {
    private final Path file;

    public TfjsModelException(Path file, String problem) {
        this(file, problem, null);
    }

    public TfjsModelException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
