package dev.attest.app.export;

import java.io.IOException;

/** A file of a benchmark set is missing or does not have the sha256 croissant.json records for it. */
public final class SetChecksumException extends IOException {
    private final String file;

    public SetChecksumException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file, relative to the set. */
    public String file() {
        return file;
    }
}
