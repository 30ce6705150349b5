package dev.attest.core.nifti;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a file is not a NIfTI image Attest can read; the message names the file and what was wrong. */
public class NiftiFormatException extends IOException {

    private final transient Path file;
    private final String problem;

    public NiftiFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public NiftiFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
