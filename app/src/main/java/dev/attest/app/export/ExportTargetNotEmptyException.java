package dev.attest.app.export;

import java.io.IOException;
import java.nio.file.Path;

/** An export was pointed at a folder (or zip) that already holds something; nothing was written or overwritten. */
public final class ExportTargetNotEmptyException extends IOException {
    private final Path target;

    public ExportTargetNotEmptyException(Path target, String what) {
        super("will not export into " + target + ": " + what + "; choose a new or empty folder (nothing was overwritten)");
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
