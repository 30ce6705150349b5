package dev.attest.inference.registry;

import java.nio.file.Path;

/** A folder that cannot be imported as a model, naming it and the reason. */
public final class ImportException extends RuntimeException {
    private final Path source;

    public ImportException(Path source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public ImportException(Path source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    public Path source() {
        return source;
    }
}
