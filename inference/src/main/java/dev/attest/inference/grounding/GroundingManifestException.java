package dev.attest.inference.grounding;

import java.nio.file.Path;

/**
 * A manifest or model file that cannot make a usable grounding model (no grounding section, a tokenizer
 * not covered by a sha256, an output of the wrong kind, an unreadable tokenizer.json), naming the file.
 */
public final class GroundingManifestException extends RuntimeException {
    private final Path file;

    public GroundingManifestException(Path file, String problem) {
        this(file, problem, null);
    }

    public GroundingManifestException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The manifest (or the tokenizer file) the problem is in. */
    public Path file() {
        return file;
    }
}
