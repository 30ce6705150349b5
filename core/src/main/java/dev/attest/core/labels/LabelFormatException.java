package dev.attest.core.labels;

import java.io.IOException;

/** A label description (names and colours of a label map) that cannot be read, with where and why. */
public final class LabelFormatException extends IOException {
    public LabelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
