package dev.attest.inference.registry;

import java.nio.file.Path;

/**
 * A model file that is missing or whose sha256 is not the one its manifest declares: the weights
 * are not the ones the manifest describes, so the model must not run.
 */
public final class WeightMismatchException extends RuntimeException {
    private final String modelId;
    private final Path file;
    private final String expected;
    private final String actual;

    /** @param actual the digest found, or null when the file is missing */
    public WeightMismatchException(String modelId, Path file, String expected, String actual) {
        super(actual == null
                ? "model " + modelId + ": " + file + " is missing (manifest sha256 " + expected + ")"
                : "model " + modelId + ": " + file + " has sha256 " + actual + " but the manifest says " + expected);
        this.modelId = modelId;
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String modelId() {
        return modelId;
    }

    public Path file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    /** The digest found, or null when the file is missing. */
    public String actual() {
        return actual;
    }
}
