package dev.attest.inference.run;

import java.nio.file.Path;

/** A model's weights file that is missing, unreadable or not the file the manifest's sha256 names. */
public final class ModelFileException extends RuntimeException {

    private final Path file;

    public ModelFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
